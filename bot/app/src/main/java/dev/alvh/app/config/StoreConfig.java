package dev.alvh.app.config;

import dev.alvh.core.Check;

/**
 * Where the bot keeps its state; YAML group {@code store.*}.
 *
 * @param dataDir   the data directory, relative to the working directory unless absolute
 * @param database  the H2 database file name inside the data directory (without {@code .mv.db})
 */
public record StoreConfig(String dataDir, String database) {

  /** {@code ./data} under the working directory. */
  public static final String DEFAULT_DATA_DIR = "data";
  /** {@code alvh}, so the file is {@code data/alvh.mv.db}. */
  public static final String DEFAULT_DATABASE = "alvh";

  /** The defaults. */
  public static final StoreConfig DEFAULTS = new StoreConfig(DEFAULT_DATA_DIR, DEFAULT_DATABASE);

  /** Checks every field. */
  public StoreConfig {
    Check.notBlank(dataDir, "store.dataDir");
    Check.notBlank(database, "store.database");
    Check.isTrue(database.matches("[A-Za-z0-9_-]+"), "store.database",
        "must be letters, digits, '_' or '-', but was '" + database + "'");
  }
}
