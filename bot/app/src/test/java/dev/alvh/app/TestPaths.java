package dev.alvh.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds files of the checkout and of ../shared from a test's working directory. */
public final class TestPaths {

  private TestPaths() {
  }

  /** The checkout's root: the nearest directory above the working directory holding {@code alvh}. */
  public static Path checkoutRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("alvh")) && Files.isDirectory(p.resolve("paper-config"))) {
        return p;
      }
    }
    throw new IllegalStateException("no checkout root above " + Path.of("").toAbsolutePath());
  }

  /** {@code shared/data} beside the checkout, when present. */
  public static Optional<Path> sharedData() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path d = p.resolve("shared").resolve("data");
      if (Files.isRegularFile(d.resolve("spx.csv"))) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
