-- Staff tag tickets. A tag is a slug (lower-case letters and digits in words joined by '-').
CREATE TABLE ticket_tags (
    ticket_id UUID NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    tag TEXT NOT NULL CHECK (char_length(tag) BETWEEN 1 AND 40
        AND tag ~ '^[[:alnum:]]+(-[[:alnum:]]+)*$' AND tag = lower(tag)),
    added_by UUID REFERENCES users (id) ON DELETE SET NULL,
    added_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (ticket_id, tag)
);
-- Filters and counts go from the tag to its tickets.
CREATE INDEX ticket_tags_tag_idx ON ticket_tags (tag, ticket_id);

ALTER TABLE ticket_events DROP CONSTRAINT ticket_events_kind_check;
ALTER TABLE ticket_events ADD CONSTRAINT ticket_events_kind_check CHECK (kind IN ('CREATED',
    'STATUS_CHANGED', 'ASSIGNED', 'UNASSIGNED', 'PRIORITY_CHANGED', 'UPDATED', 'DELETED',
    'RESTORED', 'TRIAGED', 'MESSAGE_ADDED', 'RATED', 'SLA_WARNING', 'SLA_BREACHED', 'TAGGED'));

CREATE OR REPLACE FUNCTION webhook_event_type(kind TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE kind
        WHEN 'CREATED' THEN 'ticket.created'
        WHEN 'UPDATED' THEN 'ticket.updated'
        WHEN 'PRIORITY_CHANGED' THEN 'ticket.updated'
        WHEN 'TRIAGED' THEN 'ticket.updated'
        WHEN 'TAGGED' THEN 'ticket.updated'
        WHEN 'ASSIGNED' THEN 'ticket.assigned'
        WHEN 'UNASSIGNED' THEN 'ticket.assigned'
        WHEN 'STATUS_CHANGED' THEN 'ticket.status_changed'
        WHEN 'MESSAGE_ADDED' THEN 'message.created'
        WHEN 'SLA_BREACHED' THEN 'sla.breached'
        WHEN 'RATED' THEN 'ticket.rated'
    END
$$;
