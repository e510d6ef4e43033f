package dev.alvh.core.hedge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The config, signal and hedge packages do no I/O and never read the wall clock. */
class HedgePurityTest {

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.alvh.core.config", "dev.alvh.core.signal", "dev.alvh.core.hedge");

  @Test
  void noIoNoDatabaseNoLogging() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "java.io..", "java.nio.file..", "java.sql..", "org.slf4j..", "com.fasterxml..", "org.quartz..")
        .because("bot/core is pure: no I/O, no files, no logging, no persistence")
        .check(CLASSES);
  }

  @Test
  void neverReadsTheWallClock() {
    noClasses().should().callMethod(java.time.LocalDate.class, "now")
        .orShould().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(java.time.LocalDateTime.class, "now")
        .orShould().callMethod(java.time.ZonedDateTime.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .because("time and dates are arguments in bot/core")
        .check(CLASSES);
  }
}
