package dev.alvh.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.alvh.core.port.Broker;
import dev.alvh.core.port.MarketData;
import org.junit.jupiter.api.Test;

/**
 * The strategy's decisions (the trading cycle, the condor policies, the hedge planner and machine,
 * the signals) read the market from a {@code MarketSnapshot} taken before they run: they never
 * reach the market-data or the broker port, so a request that fails cannot fail halfway through
 * a decision.
 */
class DecisionPurityTest {

  private static final JavaClasses DECISIONS = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.alvh.core.cycle", "dev.alvh.core.hedge", "dev.alvh.core.condor", "dev.alvh.core.signal",
          "dev.alvh.core.market");

  @Test
  void decisionsDependOnNoMarketDataOrBrokerPort() {
    noClasses().that().resideInAnyPackage("dev.alvh.core.cycle..", "dev.alvh.core.hedge..", "dev.alvh.core.condor..",
            "dev.alvh.core.signal..", "dev.alvh.core.market..")
        .should().dependOnClassesThat().areAssignableTo(MarketData.class)
        .orShould().dependOnClassesThat().areAssignableTo(Broker.class)
        .because("core decisions run over a MarketSnapshot the app gathered; no port call inside a decision")
        .check(DECISIONS);
  }
}
