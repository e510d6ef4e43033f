-- V6 (hedge recovery): what a restart needs to finish an order's bookkeeping from the journal alone.
-- Written in the same transaction as the order's journal row (orders), before it is sent.

-- The legs of every journaled order, one row each, as structured fields (the orders.legs text is
-- kept for people). contract is OptionContract.key(), the same text as fill.contract.
CREATE TABLE order_leg (
  ref           VARCHAR(64) NOT NULL REFERENCES orders(ref),
  seq           INT NOT NULL,                     -- 0-based, in the order's leg order
  side          VARCHAR(4) NOT NULL,              -- BUY or SELL, as sent
  ratio         INT NOT NULL,
  symbol        VARCHAR(8) NOT NULL,              -- SPX, VIX
  trading_class VARCHAR(8) NOT NULL,              -- SPXW, SPX, VIX
  expiry        DATE NOT NULL,
  strike        DECIMAL(12, 4) NOT NULL,
  option_right  CHAR(1) NOT NULL,                 -- C or P
  multiplier    INT NOT NULL,
  contract      VARCHAR(64) NOT NULL,             -- e.g. VIX 2026-03-18 22 C
  PRIMARY KEY (ref, seq)
);

-- The hedge action of a hedge order (HedgeAction): which position it opens or changes and how.
CREATE TABLE hedge_order (
  ref            VARCHAR(64) PRIMARY KEY REFERENCES orders(ref),
  book           VARCHAR(16) NOT NULL,            -- alvh, rigid
  action         VARCHAR(16) NOT NULL,            -- OPEN, CLOSE, PROFIT_TAKE, PRESS_TRIM, OPEN_SPREAD
  layer_id       VARCHAR(40) NOT NULL,            -- the position opened, or the one closed, sold or rolled
  level          INT NOT NULL,                    -- 1..3, 0 for a PRESS spread
  kind           VARCHAR(16) NOT NULL             -- VIX_CALL, SPX_PUT_SPREAD, PRESS_SPREAD
);
CREATE INDEX hedge_order_book ON hedge_order(book);

-- How many of an order's combos are in the books (tranche, hedge_layer and their trades): written in
-- the transaction that writes the books, so a restart applies an order's fills exactly once.
-- 0 from the journal write on; NULL for orders journaled before V6 (recovered as before: by
-- whether their tranche exists).
ALTER TABLE orders ADD COLUMN applied_combos INT;
ALTER TABLE orders ADD COLUMN applied_at TIMESTAMP WITH TIME ZONE;
