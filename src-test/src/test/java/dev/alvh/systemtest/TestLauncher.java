package dev.alvh.systemtest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The bot as a process of a system test: the built {@code alvh.jar} run through the test launcher
 * ({@code dev.alvh.app.cli.TestMain}, bot/app's test sources, packaged alone beside the jar as
 * {@code alvh-app-VERSION-test-launcher.jar}), which adds the options only tests use
 * ({@code --step-clock}, {@code --clock-file}, {@code --clock-origin}, {@code --step-settle-millis},
 * {@code --messages-per-second}, {@code --crash-at}) to the production command.
 */
final class TestLauncher {

  /** The launcher's main class. */
  static final String MAIN = "dev.alvh.app.cli.TestMain";

  private TestLauncher() {
  }

  /**
   * What follows the JVM options to run the launcher with {@code alvhJar}: the class path and the
   * main class. Skips the test (an assumption) when the launcher jar is not built.
   */
  static List<String> classPathAndMain(Path alvhJar) throws IOException {
    return List.of("-cp", alvhJar + File.pathSeparator + jar(alvhJar), MAIN);
  }

  /** The launcher jar beside {@code alvhJar}. */
  static Path jar(Path alvhJar) throws IOException {
    Optional<Path> jar;
    try (Stream<Path> files = Files.list(alvhJar.toAbsolutePath().getParent())) {
      jar = files.filter(p -> p.getFileName().toString().endsWith("-test-launcher.jar")).findFirst();
    }
    assumeTrue(jar.isPresent(), "the test launcher jar is not built beside " + alvhJar
        + ": run ./mvnw verify (or package)");
    return jar.get();
  }
}
