package dev.alvh.app.store;

/** How the store's database writes its commits to the file. */
public final class StoreDurability {

  private StoreDurability() {
  }

  /**
   * Makes H2 write each commit of {@code store}'s database to the file at once instead of batching
   * commits for up to {@code WRITE_DELAY} ms (the default, 500, lost journal rows in the crash
   * suite): a live bot's journal must survive kill -9.
   */
  public static void writeEachCommitAtOnce(Store store) {
    store.jdbc().withHandle("setting the write delay", h -> h.execute("SET WRITE_DELAY 0"));
  }
}
