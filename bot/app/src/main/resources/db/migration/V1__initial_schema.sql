-- The bot's state. Money is DECIMAL, never floating point; times are UTC instants.

CREATE TABLE tranche (
  id            BIGINT PRIMARY KEY,
  opened_on     DATE NOT NULL,
  expiry        DATE NOT NULL,
  long_put      DECIMAL(12, 2) NOT NULL,
  short_put     DECIMAL(12, 2) NOT NULL,
  short_call    DECIMAL(12, 2) NOT NULL,
  long_call     DECIMAL(12, 2) NOT NULL,
  quantity      INT NOT NULL,
  credit        DECIMAL(12, 4) NOT NULL,          -- points per condor
  status        VARCHAR(16) NOT NULL,             -- OPEN, CLOSED
  closed_on     DATE,
  close_debit   DECIMAL(12, 4),                   -- points per condor
  exit_reason   VARCHAR(32),
  commissions   DECIMAL(14, 2) NOT NULL DEFAULT 0,
  realized_pnl  DECIMAL(16, 2)
);

CREATE TABLE leg (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  tranche_id    BIGINT NOT NULL REFERENCES tranche(id),
  contract      VARCHAR(64) NOT NULL,             -- e.g. SPXW 2024-03-15 4500 P
  side          VARCHAR(4) NOT NULL,              -- side when opened: BUY or SELL
  quantity      INT NOT NULL
);

CREATE TABLE orders (
  ref           VARCHAR(64) PRIMARY KEY,          -- deterministic orderRef, sent to the broker
  purpose       VARCHAR(16) NOT NULL,
  tranche_id    BIGINT NOT NULL,
  legs          VARCHAR(512) NOT NULL,            -- BUY/SELL xRATIO contract; ...
  quantity      INT NOT NULL,
  limit_price   DECIMAL(12, 4) NOT NULL,          -- BAG limit: positive debit, negative credit
  status        VARCHAR(16) NOT NULL,
  broker_id     BIGINT,
  filled        INT NOT NULL DEFAULT 0,
  reason        VARCHAR(512) NOT NULL,            -- the rule that asked for it
  status_reason VARCHAR(512),
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE fill (
  exec_id       VARCHAR(64) PRIMARY KEY,          -- the broker's execution id: each fill stored once
  ref           VARCHAR(64) NOT NULL REFERENCES orders(ref),
  occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  contract      VARCHAR(64) NOT NULL,
  side          VARCHAR(4) NOT NULL,
  quantity      INT NOT NULL,
  price         DECIMAL(12, 4) NOT NULL,
  commission    DECIMAL(12, 2) NOT NULL
);

CREATE TABLE hedge_transition (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  from_state    VARCHAR(16) NOT NULL,
  to_state      VARCHAR(16) NOT NULL,
  rule          VARCHAR(256) NOT NULL,
  signals       VARCHAR(4096) NOT NULL            -- every signal value, as JSON
);

CREATE TABLE daily_snapshot (
  trade_date    DATE PRIMARY KEY,
  equity        DECIMAL(16, 2) NOT NULL,
  cash          DECIMAL(16, 2) NOT NULL,
  spx           DECIMAL(12, 2) NOT NULL,
  vix           DECIMAL(8, 2) NOT NULL,
  vix3m         DECIMAL(8, 2) NOT NULL,
  hedge_state   VARCHAR(16) NOT NULL,
  open_tranches INT NOT NULL
);

CREATE TABLE decision (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  kind          VARCHAR(32) NOT NULL,             -- entry-skipped, risk-rejected, note
  rule          VARCHAR(256) NOT NULL,
  detail        VARCHAR(1024) NOT NULL
);

CREATE TABLE audit (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  source        VARCHAR(64) NOT NULL,
  command       VARCHAR(1024) NOT NULL,
  state_before  VARCHAR(4096),
  state_after   VARCHAR(4096)
);

CREATE INDEX fill_ref ON fill(ref);
CREATE INDEX leg_tranche ON leg(tranche_id);
