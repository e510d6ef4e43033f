-- Revision 2 of the layered hedge (docs/strategy.md section 4).
--
-- The standing base layer is a hedge position like the others: hedge_layer, hedge_trade and
-- hedge_order rows with level 0 and kind VIX_CALL (a PRESS spread is level 0 with kind
-- PRESS_SPREAD), ids starting with B-. No new table is needed for it.
--
-- Hysteresis: whether the machine entered its current state through a beSigma rule. Such a level
-- is not left through the VIX exit level while beSigma stays below the rule's trigger plus
-- hedge.unwind.beSigmaMargin, and a restart must resume with it.
ALTER TABLE hedge_context ADD COLUMN be_sigma_entry BOOLEAN DEFAULT FALSE NOT NULL;

-- Closes evaluated since the current state was entered. From UNWIND and PRESS (the states that
-- sell layers) no escalation buys layers again before hedge.unwind.coolDownTradingDays such
-- closes. Contexts stored before this migration read as "long enough" (2147483647).
ALTER TABLE hedge_context ADD COLUMN closes_since_unwind INT DEFAULT 2147483647 NOT NULL;
