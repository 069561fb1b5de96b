package io.kasa.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.kasa.architecture.KasaArchitectureRules;
import io.kasa.devices.archsamples.DriverUsingTheCloudClient;
import io.kasa.domain.archsamples.ClassPrintingToConsole;
import io.kasa.domain.archsamples.DomainClassUsingJdbc;
import io.kasa.domain.archsamples.DomainClassUsingTheCloudClient;
import io.kasa.domain.archsamples.DomainClassWithFloatingPoint;
import io.kasa.domain.money.Money;
import org.junit.jupiter.api.Test;

/** The shared rules fail on the deliberately bad samples kept in test sources. */
class ArchitectureRulesCatchViolationsTest {

  @Test
  void domainImportingTheCloudClientFails() {
    assertViolates(
        KasaArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_THE_JDK_CORE,
        DomainClassUsingTheCloudClient.class,
        "FakeCloudClient");
  }

  @Test
  void domainUsingJdbcFails() {
    assertViolates(
        KasaArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_THE_JDK_CORE,
        DomainClassUsingJdbc.class,
        "java.sql.Connection");
  }

  @Test
  void domainUsingDoubleFails() {
    assertViolates(
        KasaArchitectureRules.DOMAIN_HAS_NO_FLOATING_POINT,
        DomainClassWithFloatingPoint.class,
        "total");
  }

  @Test
  void deviceDriverImportingTheCloudClientFails() {
    assertViolates(
        KasaArchitectureRules.DEVICES_STAY_BELOW_UI_AND_CLOUD,
        DriverUsingTheCloudClient.class,
        "FakeCloudClient");
  }

  @Test
  void printingToTheConsoleOutsideCliFails() {
    assertViolates(
        KasaArchitectureRules.NO_CONSOLE_OUTPUT_OUTSIDE_CLI,
        ClassPrintingToConsole.class,
        "System.out");
    assertViolates(
        KasaArchitectureRules.NO_CONSOLE_OUTPUT_OUTSIDE_CLI,
        ClassPrintingToConsole.class,
        "printStackTrace");
  }

  @Test
  void realDomainClassesPassEveryRule() {
    JavaClasses real =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackagesOf(Money.class);
    assertThatCode(() -> KasaArchitectureRules.checkAll(real)).doesNotThrowAnyException();
  }

  private static void assertViolates(ArchRule rule, Class<?> sample, String mention) {
    JavaClasses classes = new ClassFileImporter().importClasses(sample);
    assertThatThrownBy(() -> rule.check(classes))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(sample.getSimpleName())
        .hasMessageContaining(mention);
  }
}
