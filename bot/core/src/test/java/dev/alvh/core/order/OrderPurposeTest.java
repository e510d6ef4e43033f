package dev.alvh.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** One definition each of which purposes hedge, which open and which only reduce risk. */
class OrderPurposeTest {

  @Test
  void theHedgeIsLayersAndPressSpreads_bothWays() {
    assertThat(Arrays.stream(OrderPurpose.values()).filter(OrderPurpose::hedges))
        .containsExactlyInAnyOrder(OrderPurpose.OPEN_HEDGE, OrderPurpose.CLOSE_HEDGE, OrderPurpose.OPEN_PRESS,
            OrderPurpose.CLOSE_PRESS);
  }

  @Test
  void closingATrancheALayerOrAPressSpreadReducesRisk_nothingElse() {
    assertThat(Arrays.stream(OrderPurpose.values()).filter(OrderPurpose::reducesRisk))
        .containsExactlyInAnyOrder(OrderPurpose.CLOSE_CONDOR, OrderPurpose.CLOSE_HEDGE, OrderPurpose.CLOSE_PRESS);
  }

  @Test
  void openingATrancheALayerOrAPressSpreadOpens_aRollNeitherOpensNorReduces() {
    assertThat(Arrays.stream(OrderPurpose.values()).filter(OrderPurpose::opens))
        .containsExactlyInAnyOrder(OrderPurpose.OPEN_CONDOR, OrderPurpose.OPEN_HEDGE, OrderPurpose.OPEN_PRESS);
    assertThat(OrderPurpose.ROLL_CONDOR.opens()).isFalse();
    assertThat(OrderPurpose.ROLL_CONDOR.reducesRisk()).isFalse();
  }

  @Test
  void namedReadsTheStoredName() {
    assertThat(OrderPurpose.named("CLOSE_PRESS")).contains(OrderPurpose.CLOSE_PRESS);
    assertThat(OrderPurpose.named("HEDGE")).isEmpty();
  }

  @Test
  void isHedgeReadsAStoredNameAndCondorNamesAreTheRest() {
    assertThat(OrderPurpose.isHedge("OPEN_PRESS")).isTrue();
    assertThat(OrderPurpose.isHedge("ROLL_CONDOR")).isFalse();
    assertThat(OrderPurpose.isHedge("HEDGE")).isFalse();
    assertThat(OrderPurpose.isHedge(null)).isFalse();
    assertThat(OrderPurpose.condorNames()).containsExactly("OPEN_CONDOR", "CLOSE_CONDOR", "ROLL_CONDOR");
  }
}
