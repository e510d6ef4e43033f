package dev.alvh.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.core.condor.ExitReason;
import dev.alvh.core.condor.SkipCode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The keys stored in the decision table and the replay summary stay what they were written as. */
class EnumKeysTest {

  enum Sample { ONE, TWO_WORDS, THREE_WORDS_HERE }

  enum CamelKeyed implements EnumKeys.CamelCase {
    ONE,
    TWO_WORDS {
      @Override
      public String toString() {
        return "a constant with a body is an instance of a subclass of its enum";
      }
    },
    THREE_WORDS_HERE
  }

  enum KebabKeyed implements EnumKeys.KebabCase { ONE, TWO_WORDS, THREE_WORDS_HERE }

  @Test
  void camelCaseJoinsTheWordsOfTheName() {
    assertThat(Arrays.stream(Sample.values()).map(EnumKeys::camelCase))
        .containsExactly("one", "twoWords", "threeWordsHere");
  }

  @Test
  void kebabCaseJoinsTheWordsWithDashes() {
    assertThat(Arrays.stream(Sample.values()).map(EnumKeys::kebabCase))
        .containsExactly("one", "two-words", "three-words-here");
  }

  @Test
  void camelCaseEnumsAreKeyedByTheCamelCaseRuleEvenForAConstantWithABody() {
    assertThat(CamelKeyed.TWO_WORDS.getClass()).isNotEqualTo(CamelKeyed.class);
    assertThat(Arrays.stream(CamelKeyed.values()).map(CamelKeyed::key))
        .containsExactly("one", "twoWords", "threeWordsHere");
  }

  @Test
  void kebabCaseEnumsAreKeyedByTheKebabCaseRule() {
    assertThat(Arrays.stream(KebabKeyed.values()).map(KebabKeyed::key))
        .containsExactly("one", "two-words", "three-words-here");
  }

  @Test
  void exitReasonKeysAreTheStoredOnes() {
    assertThat(Arrays.stream(ExitReason.values()).map(ExitReason::key))
        .containsExactly("profitTarget", "stop", "timeExit", "roll", "settled", "manual");
  }

  @Test
  void skipCodeKeysAreTheStoredOnes() {
    assertThat(Arrays.stream(SkipCode.values()).map(SkipCode::key))
        .containsExactly("cadence", "maxOpen", "hedgeState", "eventDay", "noExpiry", "noShortStrikes",
            "noWings", "minCredit", "size", "riskLimit", "quotes", "unfilled");
  }
}
