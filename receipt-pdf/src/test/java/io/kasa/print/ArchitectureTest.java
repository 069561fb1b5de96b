package io.kasa.print;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.kasa.architecture.KasaArchitectureRules;

/** This module's main classes against the shared architecture rules. */
@AnalyzeClasses(
    packages = "io.kasa",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

  @ArchTest static final ArchTests RULES = ArchTests.in(KasaArchitectureRules.class);
}
