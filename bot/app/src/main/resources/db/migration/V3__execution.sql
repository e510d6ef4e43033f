-- Execution (issue 5): stable codes of skipped entries, the price walk and outcome of every
-- order, theta-inversion rolls and per-side expiries of tranches, settlement cash per tranche.

-- "Why no condor today?": the stable code of the rule that blocked (cadence, maxOpen, hedgeState,
-- eventDay, noExpiry, minCredit, size, riskLimit, quotes, unfilled, ...).
ALTER TABLE decision ADD COLUMN code VARCHAR(32);
CREATE INDEX decision_kind_time ON decision(kind, occurred_at);

-- After a roll the two sides of a tranche may expire on different days: expiry is the put side's,
-- call_expiry the call side's (null: the same as expiry).
ALTER TABLE tranche ADD COLUMN call_expiry DATE;
ALTER TABLE tranche ADD COLUMN rolls INT NOT NULL DEFAULT 0;
-- credit = opening_credit + roll_credit, points per condor; roll_credit is negative for a debit.
ALTER TABLE tranche ADD COLUMN opening_credit DECIMAL(12, 4);
ALTER TABLE tranche ADD COLUMN roll_credit DECIMAL(12, 4) NOT NULL DEFAULT 0;

-- How each order ended: FILLED, PARTIAL (cancelled after some combos filled), UNFILLED (cancelled
-- at the end of its walk), REJECTED (Inactive), and the price it ended at.
ALTER TABLE orders ADD COLUMN outcome VARCHAR(16);
ALTER TABLE orders ADD COLUMN steps INT NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN final_limit DECIMAL(12, 4);
ALTER TABLE orders ADD COLUMN filled_combos INT NOT NULL DEFAULT 0;

-- Every limit an order was worked at: step 0 is the mid price, then toward the natural price.
CREATE TABLE order_step (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  ref           VARCHAR(64) NOT NULL REFERENCES orders(ref),
  step          INT NOT NULL,
  limit_price   DECIMAL(12, 4) NOT NULL,          -- BAG limit: positive debit, negative credit
  occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  status        VARCHAR(16) NOT NULL,             -- the order's status after the step
  filled        INT NOT NULL                      -- combos filled after the step
);
CREATE INDEX order_step_ref ON order_step(ref);

-- Cash a tranche's expiring legs settled for (SPXW at the 4 pm close), per side.
CREATE TABLE settlement (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  tranche_id    BIGINT NOT NULL REFERENCES tranche(id),
  trade_date    DATE NOT NULL,
  settle_price  DECIMAL(12, 2) NOT NULL,
  value_points  DECIMAL(12, 4) NOT NULL,          -- owed per condor, points
  cash          DECIMAL(16, 2) NOT NULL           -- cash to the account, USD (negative: paid)
);
