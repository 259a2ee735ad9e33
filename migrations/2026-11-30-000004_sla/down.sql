DELETE FROM email_deliveries WHERE kind IN ('SLA_WARNING', 'SLA_BREACHED');
ALTER TABLE email_deliveries DROP CONSTRAINT email_deliveries_kind_check;
ALTER TABLE email_deliveries ADD CONSTRAINT email_deliveries_kind_check CHECK (kind IN (
    'TICKET_CREATED', 'TICKET_ASSIGNED', 'TICKET_RESOLVED', 'STAFF_REPLIED',
    'REQUESTER_REPLIED', 'VERIFY_EMAIL'));

DELETE FROM ticket_events WHERE kind IN ('SLA_WARNING', 'SLA_BREACHED');
ALTER TABLE ticket_events DROP CONSTRAINT ticket_events_kind_check;
ALTER TABLE ticket_events ADD CONSTRAINT ticket_events_kind_check CHECK (kind IN ('CREATED',
    'STATUS_CHANGED', 'ASSIGNED', 'UNASSIGNED', 'PRIORITY_CHANGED', 'UPDATED', 'DELETED',
    'RESTORED', 'TRIAGED', 'MESSAGE_ADDED', 'RATED'));

ALTER TABLE tickets
    DROP COLUMN sla_due_rank,
    DROP COLUMN sla_due_at;
DROP TABLE ticket_sla_clocks;
DROP TABLE sla_policies;
DROP TABLE business_calendars;
