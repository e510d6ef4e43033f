package dev.alvh.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.control.CommandHandler;
import dev.alvh.app.control.Commands;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** help wraps at word boundaries: no line wider than the terminal, no word cut. */
class ConsoleHelpTest {

  private static Set<String> words(String text) {
    return java.util.Arrays.stream(text.strip().split("\\s+")).collect(Collectors.toSet());
  }

  @Test
  void theCommandListFitsTheWidthAndCutsNoWord() {
    String help = ConsoleHelp.help(List.of()).orElseThrow();
    assertThat(help.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(ConsoleHelp.WIDTH));
    Set<String> shown = words(help);
    for (CommandHandler c : Commands.all()) {
      int dot = c.help().indexOf(". ");
      String first = dot < 0 ? c.help() : c.help().substring(0, dot + 1);
      assertThat(shown).as("every word of %s's help, whole", c.name()).containsAll(words(first));
    }
  }

  @Test
  void theHelpOfEachCommandFitsTheWidthAndCutsNoWord() {
    for (CommandHandler c : Commands.all()) {
      String help = ConsoleHelp.help(List.of(c.name())).orElseThrow();
      assertThat(help.lines()).as(c.name()).allSatisfy(l -> assertThat(l.length()).as(l)
          .isLessThanOrEqualTo(ConsoleHelp.WIDTH));
      assertThat(words(help)).as(c.name()).containsAll(words(c.help()));
    }
  }

  @Test
  void wrapBreaksOnlyAtSpaces() {
    String text = "alpha beta gamma delta epsilon zeta eta theta iota kappa";
    String w = ConsoleHelp.wrap(text, 20, "  ", 0);
    assertThat(w.lines().collect(Collectors.toList())).containsExactly("alpha beta gamma", "  delta epsilon zeta",
        "  eta theta iota", "  kappa");
  }
}
