-- Operator controls (console and ctl): configuration overrides that survive a restart, the
-- operator's switches, and approval decisions. The audit table of V1 gains the outcome.

CREATE TABLE setting_override (
  config_key    VARCHAR(128) PRIMARY KEY,         -- dotted key, e.g. hedge.l1.vixTrigger
  config_value  VARCHAR(1024) NOT NULL,           -- YAML scalar or flow list, as typed
  set_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  source        VARCHAR(64) NOT NULL              -- e.g. ctl@127.0.0.1
);

CREATE TABLE control_switch (
  switch_name   VARCHAR(32) PRIMARY KEY,          -- paused, halted, approval, forced, forcedUntil
  switch_value  VARCHAR(64),                      -- true/false, a hedge state, a date, or NULL
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE approval (
  ref           VARCHAR(64) PRIMARY KEY,          -- the held order's orderRef
  decision      VARCHAR(16) NOT NULL,             -- APPROVED, REJECTED
  decided_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  source        VARCHAR(64) NOT NULL
);

ALTER TABLE audit ADD COLUMN outcome VARCHAR(1024); -- ok, or why the command was refused
