package dev.alvh.app.store;

import dev.alvh.core.HedgeState;
import dev.alvh.core.hedge.HedgeAction;
import dev.alvh.core.hedge.HedgeLayerKind;
import dev.alvh.core.instrument.Side;
import dev.alvh.core.order.OrderPurpose;
import dev.alvh.core.order.OrderStatus;

/**
 * The one {@link StoredEnum} of each enum the store's row mappers read back by name, shared by
 * every repository and query class of the store.
 */
final class StoredEnums {

  static final StoredEnum<HedgeState> HEDGE_STATE = StoredEnum.of(HedgeState.class);
  static final StoredEnum<HedgeLayerKind> HEDGE_LAYER_KIND = StoredEnum.of(HedgeLayerKind.class);
  static final StoredEnum<HedgeAction.Type> HEDGE_ACTION = StoredEnum.of(HedgeAction.Type.class);
  static final StoredEnum<HedgeTradeAction> HEDGE_TRADE_ACTION = StoredEnum.of(HedgeTradeAction.class);
  static final StoredEnum<OrderPurpose> ORDER_PURPOSE = StoredEnum.of(OrderPurpose.class);
  static final StoredEnum<OrderStatus> ORDER_STATUS = StoredEnum.of(OrderStatus.class);
  static final StoredEnum<PositionStatus> POSITION_STATUS = StoredEnum.of(PositionStatus.class);
  static final StoredEnum<Side> SIDE = StoredEnum.of(Side.class);

  private StoredEnums() {
  }
}
