-- The layered hedge (alvh-spec.md sections 3 and 4): what a restart needs to resume in the same
-- state, the positions held, their trades, and the daily closes the signals are computed from.
-- Every table carries the book (alvh, rigid) so that books sharing a database stay apart.

ALTER TABLE hedge_transition ADD COLUMN book VARCHAR(16) DEFAULT 'alvh' NOT NULL;
ALTER TABLE hedge_transition ADD COLUMN trade_date DATE;

-- The state machine's HedgeContext after the last evaluated close, one row per book.
CREATE TABLE hedge_context (
  book                    VARCHAR(16) PRIMARY KEY,
  state                   INT NOT NULL,                -- HedgeState.code()
  as_of                   DATE,                        -- last evaluated close
  vix_peak                DOUBLE PRECISION NOT NULL,
  last_escalation         DATE,
  closes_since_escalation INT NOT NULL,                -- 2147483647 when there was none
  l3_trigger_closes       INT NOT NULL,
  calm_closes             INT NOT NULL,
  exit_closes             INT NOT NULL,
  contango_closes         INT NOT NULL,
  layers_held             BOOLEAN NOT NULL,
  carry_cap_reached       BOOLEAN NOT NULL,
  state_since             DATE,                        -- date the current state was entered
  updated_at              TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One hedge position: a layer, an L3 top-up or a PRESS call spread.
CREATE TABLE hedge_layer (
  id            VARCHAR(40) NOT NULL,                  -- e.g. L2-202002241545
  book          VARCHAR(16) NOT NULL,
  level         INT NOT NULL,                          -- 1..3, 0 for a PRESS spread
  kind          VARCHAR(16) NOT NULL,                  -- VIX_CALL, SPX_PUT_SPREAD, PRESS_SPREAD
  legs          VARCHAR(256) NOT NULL,                 -- SIDE|CLASS YYYY-MM-DD STRIKE C|P; ... as opened
  quantity      INT NOT NULL,                          -- combos held now (0 once closed)
  opened_qty    INT NOT NULL,
  entry_price   DECIMAL(12, 4) NOT NULL,               -- points per combo: + debit paid, - credit received
  cost          DECIMAL(16, 2) NOT NULL,               -- USD paid (negative: credit received), before commissions
  opened_on     DATE NOT NULL,
  closed_on     DATE,
  status        VARCHAR(8) NOT NULL,                   -- OPEN, CLOSED
  profit_taken  BOOLEAN NOT NULL DEFAULT FALSE,
  pressed       BOOLEAN NOT NULL DEFAULT FALSE,
  commissions   DECIMAL(14, 2) NOT NULL DEFAULT 0,
  realized_pnl  DECIMAL(16, 2) NOT NULL DEFAULT 0,     -- before commissions
  PRIMARY KEY (book, id)
);

-- Every change of a hedge position: open, partial or full close, settlement.
CREATE TABLE hedge_trade (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  book          VARCHAR(16) NOT NULL,
  layer_id      VARCHAR(40) NOT NULL,
  level         INT NOT NULL,
  kind          VARCHAR(16) NOT NULL,
  action        VARCHAR(16) NOT NULL,                  -- OPEN, CLOSE, PROFIT_TAKE, PRESS_TRIM, OPEN_SPREAD, SETTLE
  trade_date    DATE NOT NULL,
  quantity      INT NOT NULL,                          -- + opened, - closed
  net_price     DECIMAL(12, 4) NOT NULL,               -- cash per combo, points, + received
  cash          DECIMAL(16, 2) NOT NULL,               -- USD before commissions
  commissions   DECIMAL(14, 2) NOT NULL,
  realized_pnl  DECIMAL(16, 2) NOT NULL                -- of a close, before commissions
);

-- Daily closes the signals are computed from (market data: one row per day for all books).
CREATE TABLE hedge_daily_close (
  trade_date    DATE PRIMARY KEY,
  spx           DOUBLE PRECISION NOT NULL,
  vix           DOUBLE PRECISION NOT NULL,
  vix3m         DOUBLE PRECISION NOT NULL,
  vx_front      DOUBLE PRECISION,
  vx_second     DOUBLE PRECISION
);

CREATE INDEX hedge_trade_book_date ON hedge_trade(book, trade_date);
CREATE INDEX hedge_transition_book ON hedge_transition(book, id);
