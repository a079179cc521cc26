-- A mayoral election counted area by area: its voting system, the whole-area
-- declaration's seat and the mayor in office (MayoralCount, JSON). NULL for
-- a general election and for a one-seat mayoralty.
ALTER TABLE elections ADD COLUMN count_json TEXT;
