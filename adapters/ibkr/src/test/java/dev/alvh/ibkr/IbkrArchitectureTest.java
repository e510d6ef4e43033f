package dev.alvh.ibkr;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The adapter's packages form no cycle. */
class IbkrArchitectureTest {

  @Test
  void packagesFormNoCycle() {
    slices().matching("dev.alvh.ibkr.(*)..").should().beFreeOfCycles()
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.alvh.ibkr"));
  }
}
