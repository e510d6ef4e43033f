package dev.alvh.paper;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The adapter's packages form no cycle. */
class PaperArchitectureTest {

  @Test
  void packagesFormNoCycle() {
    slices().matching("dev.alvh.paper.(*)..").should().beFreeOfCycles()
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.alvh.paper"));
  }
}
