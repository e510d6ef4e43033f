package dev.alvh.app.store;

/**
 * The {@code tranche} rows as the fill applier and the recovery amend and look them up, beyond
 * what {@link Store} and {@link OrderStore} write when a tranche opens, rolls and closes.
 */
public final class TrancheRepository {

  private final Jdbc jdbc;

  /** The tranches of {@code store}'s database. */
  public TrancheRepository(Store store) {
    this.jdbc = store.jdbc();
  }

  /** Sets the condors of tranche {@code id} (what stays after a partial roll split some off). */
  public void quantity(long id, int quantity) {
    jdbc.withHandle("setting the quantity of tranche " + id, h -> h.createUpdate(
        "UPDATE tranche SET quantity=:quantity WHERE id=:id").bind("quantity", quantity).bind("id", id).execute());
  }

  /** True when tranche {@code id} was ever opened (open or closed). */
  public boolean exists(long id) {
    return jdbc.withHandle("looking up tranche " + id, h -> h.createQuery("SELECT 1 FROM tranche WHERE id=:id")
        .bind("id", id).mapTo(Integer.class).findFirst().isPresent());
  }
}
