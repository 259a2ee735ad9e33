ALTER TABLE ticket_triage DROP COLUMN language;
