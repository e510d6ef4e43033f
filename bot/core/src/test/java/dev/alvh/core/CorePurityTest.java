package dev.alvh.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * bot/core is pure: no scheduler, database, JSON/YAML, adapter or app code, no files or
 * sockets, and no reads of the system clock. Time comes through the Clock port.
 */
class CorePurityTest {

  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.alvh.core");
  }

  @Test
  void coreDependsOnNoSchedulerDatabaseJsonOrAdapter() {
    ArchRule rule = noClasses().that().resideInAPackage("dev.alvh.core..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.quartz..", "org.h2..", "java.sql..", "javax.sql..", "org.flywaydb..", "com.fasterxml.jackson..",
            "dev.alvh.paper..", "dev.alvh.ibkr..", "dev.alvh.app..", "picocli..", "org.slf4j..",
            "ch.qos.logback..", "java.net..", "java.nio.file..", "java.io..")
        .because("bot/core is pure: I/O, scheduling and storage live in bot/app and the adapters");
    rule.check(core);
  }

  @Test
  void coreNeverReadsTheSystemClock() {
    ArchRule rule = noClasses().that().resideInAPackage("dev.alvh.core..")
        .should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(java.time.LocalDate.class, "now")
        .orShould().callMethod(java.time.LocalDateTime.class, "now")
        .orShould().callMethod(java.time.LocalTime.class, "now")
        .orShould().callMethod(java.time.ZonedDateTime.class, "now")
        .orShould().callMethod(java.time.OffsetDateTime.class, "now")
        .orShould().callMethod(java.time.Clock.class, "systemUTC")
        .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
        .because("time comes from the injected dev.alvh.core.port.Clock");
    rule.check(core);
  }

  @Test
  void corePackagesFormNoCycle() {
    slices().matching("dev.alvh.core.(*)..").should().beFreeOfCycles()
        .because("a package that needs another's types owns them or the other owns an interface; order and port,"
            + " for one, meet only in the direction port -> order")
        .check(core);
  }
}
