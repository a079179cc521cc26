-- The copy-ready line of each version, written with it so feeds never recompute history.
ALTER TABLE declaration_versions ADD COLUMN line TEXT NOT NULL DEFAULT '';
-- What the big screens run (ScreenSettings JSON); NULL means the default.
ALTER TABLE elections ADD COLUMN screen_json TEXT;
