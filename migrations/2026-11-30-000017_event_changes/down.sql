ALTER TABLE ticket_events DROP COLUMN changes;
