DROP TRIGGER ticket_events_enqueue_emails ON ticket_events;
DROP FUNCTION enqueue_event_emails();
DROP TRIGGER tickets_enqueue_jobs ON tickets;
DROP FUNCTION enqueue_ticket_jobs();
DROP TABLE email_deliveries;

DELETE FROM ticket_events WHERE kind = 'TRIAGED';
ALTER TABLE ticket_events DROP CONSTRAINT ticket_events_kind_check;
ALTER TABLE ticket_events ADD CONSTRAINT ticket_events_kind_check CHECK (kind IN ('CREATED',
    'STATUS_CHANGED', 'ASSIGNED', 'UNASSIGNED', 'PRIORITY_CHANGED', 'UPDATED', 'DELETED',
    'RESTORED'));

ALTER TABLE users DROP COLUMN last_assigned_at;

DROP TABLE ticket_conversations;
DROP TABLE ticket_triage;
ALTER TABLE tickets DROP COLUMN assignment_reason, DROP COLUMN priority_source;
