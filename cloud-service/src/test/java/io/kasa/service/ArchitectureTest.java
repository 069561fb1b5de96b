package io.kasa.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.kasa.architecture.KasaArchitectureRules;

/** This module's main classes against the shared architecture rules, and the service's own. */
@AnalyzeClasses(
    packages = "io.kasa",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

  private static final String OFFICE = "io.kasa.service.office..";

  @ArchTest static final ArchTests RULES = ArchTests.in(KasaArchitectureRules.class);

  /**
   * The back office's pages are a layer above the services (ADR 0039): they call services, and only
   * the wiring (CloudServices, which builds them, and CloudApp, which registers them) knows of
   * them.
   */
  @ArchTest
  static final ArchRule SERVICES_KNOW_NO_PAGES =
      noClasses()
          .that()
          .resideInAPackage("io.kasa.service..")
          .and()
          .resideOutsideOfPackage(OFFICE)
          .and()
          .doNotHaveFullyQualifiedName(CloudServices.class.getName())
          .and()
          .doNotHaveFullyQualifiedName("io.kasa.service.http.CloudApp")
          .and()
          .doNotHaveFullyQualifiedName("io.kasa.service.http.CloudApp$Services")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(OFFICE)
          .because("pages depend on services, never the reverse");

  /**
   * Pages are not API routes: they use no part of the JSON API's layer but the services' own
   * failure, ApiException.
   */
  @ArchTest
  static final ArchRule PAGES_ARE_NOT_API_ROUTES =
      noClasses()
          .that()
          .resideInAPackage(OFFICE)
          .should()
          .dependOnClassesThat(
              com.tngtech.archunit.base.DescribedPredicate.describe(
                  "the JSON API's layer (other than ApiException)",
                  c ->
                      c.getPackageName().equals("io.kasa.service.http")
                          && !c.getSimpleName().equals("ApiException")))
          .because("the back office's pages are registered beside the API, not within it");
}
