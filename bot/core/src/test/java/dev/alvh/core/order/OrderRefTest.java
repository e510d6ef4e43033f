package dev.alvh.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderRefTest {

  @Test
  void sameTrancheActionAndCycleGiveTheSameRef() {
    ZonedDateTime t = ZonedDateTime.of(2024, 1, 8, 15, 45, 0, 0, ZoneId.of("America/New_York"));
    OrderRef a = OrderRef.forTranche(7, "open", t);
    OrderRef b = OrderRef.forTranche(7, "open", t);
    assertThat(a).isEqualTo(b);
    assertThat(a.value()).isEqualTo("alvh-T0007-open-202401081545");
    assertThat(a.toString()).isEqualTo(a.value());
  }

  @Test
  void differentTrancheActionOrCycleGiveDifferentRefs() {
    ZonedDateTime t = ZonedDateTime.of(2024, 1, 8, 15, 45, 0, 0, ZoneId.of("America/New_York"));
    OrderRef base = OrderRef.forTranche(7, "open", t);
    assertThat(OrderRef.forTranche(8, "open", t)).isNotEqualTo(base);
    assertThat(OrderRef.forTranche(7, "close", t)).isNotEqualTo(base);
    assertThat(OrderRef.forTranche(7, "open", t.plusMinutes(15))).isNotEqualTo(base);
  }

  @Test
  void utcCycleTimeIsWrittenInNewYorkWinterTime() {
    ZonedDateTime utc = ZonedDateTime.of(2024, 1, 8, 20, 45, 0, 0, ZoneOffset.UTC);
    assertThat(OrderRef.forTranche(7, "open", utc).value()).isEqualTo("alvh-T0007-open-202401081545");
  }

  @Test
  void utcCycleTimeIsWrittenInNewYorkSummerTime() {
    ZonedDateTime utc = ZonedDateTime.of(2024, 7, 8, 13, 45, 0, 0, ZoneOffset.UTC);
    assertThat(OrderRef.forTranche(12, "close", utc).value()).isEqualTo("alvh-T0012-close-202407080945");
  }

  @Test
  void utcTimeAfterMidnightBelongsToThePreviousNewYorkDay() {
    ZonedDateTime utc = ZonedDateTime.of(2024, 1, 9, 2, 0, 0, 0, ZoneOffset.UTC);
    assertThat(OrderRef.forTranche(1, "open", utc).value()).isEqualTo("alvh-T0001-open-202401082100");
  }

  @Test
  void trancheIdsAreWrittenAsFormatWritesThem() {
    for (long id : new long[] {0, 7, 42, 999, 1000, 9999, 10000, 1234567, Long.MAX_VALUE, -1, -7, -12345,
        Long.MIN_VALUE}) {
      assertThat(OrderRef.fourDigits(id)).isEqualTo(String.format(java.util.Locale.ROOT, "%04d", id));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"alvh ref", "alvh/T1", "ref#1", "é", " "})
  void invalidCharactersAreRefused(String text) {
    assertThatThrownBy(() -> new OrderRef(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("orderRef");
  }

  @Test
  void sixtyFourCharactersAreAcceptedAndSixtyFiveRefused() {
    assertThat(new OrderRef("a".repeat(64)).value()).hasSize(64);
    assertThatThrownBy(() -> new OrderRef("a".repeat(65))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1-64 characters");
  }

  @Test
  void actionWithASpaceMakesTheRefInvalid() {
    ZonedDateTime t = ZonedDateTime.of(2024, 1, 8, 15, 45, 0, 0, ZoneId.of("America/New_York"));
    assertThatThrownBy(() -> OrderRef.forTranche(1, "open now", t)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nullIsRefused() {
    assertThatThrownBy(() -> new OrderRef(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("orderRef");
  }

  @Test
  void layerRefsAreWrittenInNewYorkTime() {
    ZonedDateTime utc = ZonedDateTime.of(2024, 1, 8, 20, 45, 0, 0, ZoneOffset.UTC);
    assertThat(OrderRef.forLayer("L3", "flat", utc).value()).isEqualTo("alvh-L3-flat-202401081545");
  }

  @Test
  void firstUnusedTakesTheNextLetterWhileARefIsUsed() {
    ZonedDateTime t = ZonedDateTime.of(2024, 1, 8, 15, 45, 0, 0, ZoneId.of("America/New_York"));
    java.util.Set<OrderRef> used = new java.util.HashSet<>();
    assertThat(OrderRef.firstUnused(c -> OrderRef.forTranche(7, "flat" + c, t), used::contains).value())
        .isEqualTo("alvh-T0007-flat-202401081545");
    used.add(OrderRef.forTranche(7, "flat", t));
    used.add(OrderRef.forTranche(7, "flatb", t));
    assertThat(OrderRef.firstUnused(c -> OrderRef.forTranche(7, "flat" + c, t), used::contains).value())
        .isEqualTo("alvh-T0007-flatc-202401081545");
    assertThat(OrderRef.firstUnused(c -> OrderRef.forLayer("L1", "flat" + c, t), r -> true).value())
        .isEqualTo("alvh-L1-flatz-202401081545");
  }
}
