-- A second editor must be a second person. A token made by an admin now acts for one named
-- user (for_user); tokens made before this act for no one and cannot confirm another's entry.
ALTER TABLE api_tokens ADD COLUMN for_user TEXT;

-- The person behind a held entry (the user, or the user a token acts for; NULL for none),
-- compared with the confirming person's.
ALTER TABLE pending_entries ADD COLUMN entered_by_person TEXT;
UPDATE pending_entries SET entered_by_person = entered_by
  WHERE entered_by NOT LIKE 'token:%' AND entered_by <> 'api-token';
