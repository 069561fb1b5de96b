package io.kasa.architecture;

import static com.tngtech.archunit.lang.conditions.ArchConditions.callMethod;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.Set;

/**
 * The module arrows of ARCHITECTURE.md and the house rules, checked in every module. Each module
 * has an {@code ArchitectureTest} that includes these rules and imports only its own main classes,
 * so every module checks itself.
 *
 * <pre>
 * terminal-ui ──> device-drivers ──> pos-domain
 *      │ └──────> cloud-client ───> cloud-api ──> pos-domain
 *      └────────> pos-domain
 * cloud-service ──> cloud-api, pos-domain, receipt-pdf
 * terminal-ui ───> receipt-pdf ──> pos-domain
 * </pre>
 */
public final class KasaArchitectureRules {

  public static final String DOMAIN = "io.kasa.domain..";
  public static final String API = "io.kasa.api..";
  public static final String DEVICES = "io.kasa.devices..";
  public static final String CLIENT = "io.kasa.client..";
  public static final String SERVICE = "io.kasa.service..";
  public static final String TERMINAL = "io.kasa.terminal..";
  public static final String PACKAGING = "io.kasa.packaging..";
  public static final String PRINT = "io.kasa.print..";

  private KasaArchitectureRules() {}

  @ArchTest
  public static final ArchRule DOMAIN_DEPENDS_ONLY_ON_THE_JDK_CORE =
      classes()
          .that()
          .resideInAPackage(DOMAIN)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              DOMAIN,
              "java.lang..",
              "java.util..",
              "java.math..",
              "java.time..",
              "java.text..",
              "java.io..",
              "java.nio.charset..")
          .because(
              "pos-domain is the one place where money is computed, shared by terminal and service:"
                  + " no JavaFX, HTTP, JDBC or serial, and nothing of the other modules")
          .allowEmptyShould(true);

  @ArchTest
  public static final ArchRule DOMAIN_HAS_NO_FLOATING_POINT =
      classes()
          .that()
          .resideInAPackage(DOMAIN)
          .should(notUseFloatingPoint())
          .because("money and quantities are exact: long minor units and BigDecimal, never double")
          .allowEmptyShould(true);

  @ArchTest
  public static final ArchRule API_DEPENDS_ONLY_ON_DOMAIN =
      noClasses()
          .that()
          .resideInAPackage(API)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(DEVICES, CLIENT, SERVICE, TERMINAL, PACKAGING, "javafx..")
          .because("cloud-api is the wire contract and depends on pos-domain only")
          .allowEmptyShould(true);

  @ArchTest
  public static final ArchRule DEVICES_STAY_BELOW_UI_AND_CLOUD =
      noClasses()
          .that()
          .resideInAPackage(DEVICES)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(API, CLIENT, SERVICE, TERMINAL, PACKAGING, "javafx..")
          .because("device drivers move bytes for any front end: no JavaFX and no cloud")
          .allowEmptyShould(true);

  @ArchTest
  public static final ArchRule CLIENT_KNOWS_NO_DEVICES_OR_UI =
      noClasses()
          .that()
          .resideInAPackage(CLIENT)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(DEVICES, SERVICE, TERMINAL, PACKAGING, "javafx..")
          .because("the cloud client talks to the service through cloud-api only")
          .allowEmptyShould(true);

  @ArchTest
  public static final ArchRule SERVICE_NEVER_USES_TERMINAL_MODULES =
      noClasses()
          .that()
          .resideInAPackage(SERVICE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(DEVICES, CLIENT, TERMINAL, PACKAGING, "javafx..")
          .because("the service runs in the cloud and shares only cloud-api and pos-domain")
          .allowEmptyShould(true);

  @ArchTest
  public static final ArchRule PRINT_KNOWS_ONLY_THE_DOMAIN =
      noClasses()
          .that()
          .resideInAPackage(PRINT)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(API, DEVICES, CLIENT, SERVICE, TERMINAL, PACKAGING, "javafx..")
          .because(
              "the receipt PDF is drawn alike by the register and the service from pos-domain's"
                  + " receipt lines, so it may know neither")
          .allowEmptyShould(true);

  @ArchTest
  public static final ArchRule TERMINAL_NEVER_USES_THE_SERVICE =
      noClasses()
          .that()
          .resideInAPackage(TERMINAL)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(SERVICE, PACKAGING)
          .because("the terminal reaches the service over HTTP through cloud-client")
          .allowEmptyShould(true);

  @ArchTest
  public static final ArchRule NO_CONSOLE_OUTPUT_OUTSIDE_CLI =
      noClasses()
          .that()
          .resideOutsideOfPackage("..cli..")
          .should(ACCESS_STANDARD_STREAMS)
          .orShould(callMethod(Throwable.class, "printStackTrace"))
          .because("logs go through SLF4J; only command-line entry points (package cli) print")
          .allowEmptyShould(true);

  @ArchTest
  public static final ArchRule MODULES_ARE_FREE_OF_CYCLES =
      SlicesRuleDefinition.slices()
          .matching("io.kasa.(*)..")
          .should()
          .beFreeOfCycles()
          .because("dependencies point one way")
          .allowEmptyShould(true);

  /** Checks a set of classes against every rule, for tests of the rules themselves. */
  public static void checkAll(JavaClasses classes) {
    for (ArchRule rule : all()) {
      rule.check(classes);
    }
  }

  public static Set<ArchRule> all() {
    return Set.of(
        DOMAIN_DEPENDS_ONLY_ON_THE_JDK_CORE,
        DOMAIN_HAS_NO_FLOATING_POINT,
        API_DEPENDS_ONLY_ON_DOMAIN,
        DEVICES_STAY_BELOW_UI_AND_CLOUD,
        CLIENT_KNOWS_NO_DEVICES_OR_UI,
        SERVICE_NEVER_USES_TERMINAL_MODULES,
        PRINT_KNOWS_ONLY_THE_DOMAIN,
        TERMINAL_NEVER_USES_THE_SERVICE,
        NO_CONSOLE_OUTPUT_OUTSIDE_CLI,
        MODULES_ARE_FREE_OF_CYCLES);
  }

  private static final Set<String> FLOATING =
      Set.of("double", "float", Double.class.getName(), Float.class.getName());

  private static final DescribedPredicate<JavaClass> FLOATING_TYPE =
      DescribedPredicate.describe(
          "a floating-point type",
          c ->
              FLOATING.contains(c.getName())
                  || c.isArray() && FLOATING.contains(c.getBaseComponentType().getName()));

  private static ArchCondition<JavaClass> notUseFloatingPoint() {
    return new ArchCondition<>("not use double or float") {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        for (JavaField field : javaClass.getFields()) {
          if (FLOATING_TYPE.test(field.getRawType())) {
            events.add(
                SimpleConditionEvent.violated(field, field.getFullName() + " is floating point"));
          }
        }
        for (JavaMethod method : javaClass.getMethods()) {
          if (FLOATING_TYPE.test(method.getRawReturnType())) {
            events.add(
                SimpleConditionEvent.violated(
                    method, method.getFullName() + " returns floating point"));
          }
          for (JavaParameter p : method.getParameters()) {
            if (FLOATING_TYPE.test(p.getRawType())) {
              events.add(
                  SimpleConditionEvent.violated(
                      method, method.getFullName() + " takes floating point"));
            }
          }
        }
        javaClass.getDirectDependenciesFromSelf().stream()
            .filter(d -> FLOATING_TYPE.test(d.getTargetClass()))
            .forEach(d -> events.add(SimpleConditionEvent.violated(d, d.getDescription())));
      }
    };
  }
}
