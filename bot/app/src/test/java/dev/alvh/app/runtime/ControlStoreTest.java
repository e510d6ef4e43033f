package dev.alvh.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alvh.app.engine.Controls;
import dev.alvh.app.store.ControlRepository;
import dev.alvh.app.store.Store;
import dev.alvh.core.HedgeState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator's switches survive a restart; a stored forced state that names no state is refused by name. */
class ControlStoreTest {

  private static final Instant T = Instant.parse("2024-01-08T15:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2024, 1, 8);

  private Store store;

  @BeforeEach
  void open() {
    store = Store.openInMemory("control-store");
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aForcedStateIsReadBackWithItsEndDay() {
    Controls before = new Controls();
    before.force(HedgeState.L2, Optional.of(TODAY.plusDays(2)));
    before.paused(true);
    new ControlStore(store.jdbc()).saveSwitches(before, TODAY, T);

    Controls after = new Controls();
    new ControlStore(store.jdbc()).loadSwitches(after);
    assertThat(after.forcedSetting()).contains(HedgeState.L2);
    assertThat(after.forcedUntil()).contains(TODAY.plusDays(2));
    assertThat(after.paused()).isTrue();
  }

  @Test
  void aStoredForcedStateThatNamesNoStateIsRefusedWithItsValue() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("forced", "l2");
    new ControlRepository(store.jdbc()).saveSwitches(m, T);

    assertThatThrownBy(() -> new ControlStore(store.jdbc()).loadSwitches(new Controls()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'forced'")
        .hasMessageContaining("'l2'")
        .hasMessageContaining("L2");
  }
}
