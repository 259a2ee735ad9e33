-- The language triage detected (ISO 639-1), so assignment can prefer moderators who read it
-- (a skill such as lang:es).
ALTER TABLE ticket_triage ADD COLUMN language TEXT CHECK (language ~ '^[a-z]{2}$');
