-- Indexes for the lookups every trading cycle makes. Without them each is a full scan of a table
-- that grows for the life of the book (six years of replay: tens of thousands of orders):
--   the next tranche id       SELECT MAX(tranche_id) FROM orders
--   the last entry day        SELECT MAX(opened_on) FROM tranche
--   the carry cap's credit    SELECT SUM(...) FROM tranche WHERE opened_on > ? AND opened_on <= ?
CREATE INDEX orders_tranche ON orders(tranche_id);
CREATE INDEX tranche_opened_on ON tranche(opened_on);
