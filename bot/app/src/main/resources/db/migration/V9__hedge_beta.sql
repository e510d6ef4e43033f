-- Vega sizing's beta (alvh-spec.md section 4) survives a restart: the daily (dVIX, dVX) pairs of
-- each layer's expiry window, and the VX closes of the last evaluated day that tomorrow's changes
-- are measured from. Without them a restarted bot sized hedges on hedge.desk.betaFallback until
-- hedge.desk.betaMinDays new pairs had come in.
CREATE TABLE hedge_beta_pair (
  book        VARCHAR(16) NOT NULL,
  trade_date  DATE NOT NULL,
  level       INT NOT NULL,               -- the layer (1..3) whose expiry window the future is in
  d_vix       DOUBLE PRECISION NOT NULL,  -- change of spot VIX since the previous evaluated close
  d_vx        DOUBLE PRECISION NOT NULL,  -- change of that VX future over the same closes
  PRIMARY KEY (book, trade_date, level)
);

CREATE TABLE hedge_beta_last (
  book        VARCHAR(16) PRIMARY KEY,
  trade_date  DATE NOT NULL,              -- the close the values are from
  vix         DOUBLE PRECISION NOT NULL,  -- spot VIX at that close
  vx          VARCHAR(1000) NOT NULL      -- the VX futures at that close: EXPIRY=VALUE;... (ISO dates)
);
