CREATE OR REPLACE FUNCTION webhook_event_type(kind TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE kind
        WHEN 'CREATED' THEN 'ticket.created'
        WHEN 'UPDATED' THEN 'ticket.updated'
        WHEN 'PRIORITY_CHANGED' THEN 'ticket.updated'
        WHEN 'TRIAGED' THEN 'ticket.updated'
        WHEN 'ASSIGNED' THEN 'ticket.assigned'
        WHEN 'UNASSIGNED' THEN 'ticket.assigned'
        WHEN 'STATUS_CHANGED' THEN 'ticket.status_changed'
        WHEN 'MESSAGE_ADDED' THEN 'message.created'
        WHEN 'SLA_BREACHED' THEN 'sla.breached'
        WHEN 'RATED' THEN 'ticket.rated'
    END
$$;
DELETE FROM ticket_events WHERE kind = 'TAGGED';
ALTER TABLE ticket_events DROP CONSTRAINT ticket_events_kind_check;
ALTER TABLE ticket_events ADD CONSTRAINT ticket_events_kind_check CHECK (kind IN ('CREATED',
    'STATUS_CHANGED', 'ASSIGNED', 'UNASSIGNED', 'PRIORITY_CHANGED', 'UPDATED', 'DELETED',
    'RESTORED', 'TRIAGED', 'MESSAGE_ADDED', 'RATED', 'SLA_WARNING', 'SLA_BREACHED'));
DROP TABLE ticket_tags;
