package dev.alvh.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app's packages form no cycle, the engine (the cycle, the desks, the book) talks to the
 * broker and the market through the core's ports alone (no paper or IBKR adapter type in it), and
 * only the store touches JDBC or JDBI.
 */
class AppArchitectureTest {

  private static JavaClasses app;

  @BeforeAll
  static void importApp() {
    app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.alvh.app");
  }

  @Test
  void appPackagesFormNoCycle() {
    slices().matching("dev.alvh.app.(*)..").should().beFreeOfCycles()
        .because("each package owns its types: the stores live beside what they store, the replay's measures"
            + " in the replay, and the report reads them")
        .check(app);
  }

  @Test
  void sqlStaysInTheStore() {
    noClasses().that().resideOutsideOfPackage("dev.alvh.app.store..")
        .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.jdbi..")
        .because("every table is read and written by a repository of the store (on JDBI); the rest of the app"
            + " sees rows as records and never a connection, a statement or a result set")
        .check(app);
  }

  @Test
  void engineImportsNoAdapter() {
    noClasses().that().resideInAnyPackage("dev.alvh.app.engine..", "dev.alvh.app.hedge..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.alvh.paper..", "dev.alvh.ibkr..")
        .because("the engine runs the same against the paper broker, the replay and IBKR: it sees the core ports")
        .check(app);
  }
}
