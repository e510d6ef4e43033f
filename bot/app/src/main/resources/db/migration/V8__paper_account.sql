-- The built-in paper broker's account and market (alvh paper --broker paper), kept in the bot's own
-- database: a restarted paper bot finds the positions its tranches and hedge layers hold, on the
-- same synthetic market. Replay and paper-tws keep their accounts in memory and leave these empty.

-- The synthetic market's anchor, written at the first start of a data directory and reused by every
-- later start: the same anchor gives the same prices for the same instant. One row (id 1).
CREATE TABLE paper_market (
  id            INT PRIMARY KEY,
  start_date    DATE NOT NULL,                    -- first calendar day of the generated history
  seed          BIGINT NOT NULL,                  -- market.seed at the first start
  start_spx     DOUBLE PRECISION NOT NULL,        -- market.startSpx at the first start (model input, not money)
  days          INT NOT NULL,                     -- trading days generated from start_date (one segment)
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Cash and the broker's counters. One row (id 1).
CREATE TABLE paper_account (
  id            INT PRIMARY KEY,
  cash          DECIMAL(24, 6) NOT NULL,          -- USD
  next_order_id BIGINT NOT NULL,
  next_exec_seq BIGINT NOT NULL,                  -- execution ids are paper.%08d of this sequence
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Open positions: signed quantity (negative short) and average cost per contract (price x multiplier).
CREATE TABLE paper_position (
  contract      VARCHAR(64) PRIMARY KEY,          -- e.g. SPXW 2024-03-15 4500 P
  quantity      BIGINT NOT NULL,
  avg_cost      DECIMAL(20, 4) NOT NULL          -- the broker keeps 4 decimals
);

-- Every execution the broker reported (its answer to "executions since" at a reconciliation).
CREATE TABLE paper_execution (
  exec_id       VARCHAR(64) PRIMARY KEY,
  ref           VARCHAR(64) NOT NULL,
  occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  contract      VARCHAR(64) NOT NULL,
  side          VARCHAR(4) NOT NULL,
  quantity      INT NOT NULL,
  price         DECIMAL(12, 4) NOT NULL,
  commission    DECIMAL(12, 4) NOT NULL
);
CREATE INDEX paper_execution_time ON paper_execution(occurred_at);

-- The settlement ledger: every position settled in cash at expiry, in order.
CREATE TABLE paper_settlement (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  settle_date   DATE NOT NULL,
  contract      VARCHAR(64) NOT NULL,
  quantity      INT NOT NULL,                     -- signed contracts that settled
  price         DECIMAL(12, 4) NOT NULL,          -- settlement value of the underlying, points
  cash          DECIMAL(18, 2) NOT NULL           -- USD to the account
);

-- Every order ref the broker accepted (a ref is never accepted twice, across restarts too), and
-- whether it was still working: those are reported cancelled after a restart.
CREATE TABLE paper_order (
  ref           VARCHAR(64) PRIMARY KEY,
  order_id      BIGINT NOT NULL,
  quantity      INT NOT NULL,
  filled        INT NOT NULL,
  working       BOOLEAN NOT NULL
);
