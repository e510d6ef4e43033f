package dev.alvh.app.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alvh.app.engine.Book;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The book and reconciliation keys stored and printed stay what they were written as. */
class StoredKeysTest {

  @Test
  void bookKeys() {
    assertThat(Arrays.stream(Book.values()).map(Book::key)).containsExactly("alvh", "unhedged", "rigid", "base");
  }

  @Test
  void reconcileKindKeys() {
    assertThat(Arrays.stream(ReconcileReport.Kind.values()).map(ReconcileReport.Kind::key))
        .containsExactly("fill-recovered", "filled-while-down", "cancelled-while-down", "never-sent",
            "sent-unacknowledged", "foreign-order", "foreign-position", "missing-position");
  }
}
