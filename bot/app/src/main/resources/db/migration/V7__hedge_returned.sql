-- Issue 4: from UNWIND an escalation alternative fires again only after its condition has
-- returned (failed on at least one close since UNWIND was entered). The bits of the alternatives
-- that have returned (dev.alvh.core.hedge.HedgeRules.Escalation) are part of the machine's
-- context, so a restart resumes with them.
ALTER TABLE hedge_context ADD COLUMN returned INT DEFAULT 0 NOT NULL;
