CREATE OR REPLACE FUNCTION enqueue_ticket_jobs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM graphile_worker.add_jobs(ARRAY(
        SELECT ROW(spec.identifier, spec.payload, NULL, NULL, spec.max_attempts, NULL,
            spec.priority, NULL)::graphile_worker.job_spec
        FROM new_tickets t CROSS JOIN LATERAL (VALUES
            ('triage_ticket', json_build_object('ticket_id', t.id), 5::smallint, 0::smallint),
            ('send_email', json_build_object('kind', 'TICKET_CREATED', 'ticket_id', t.id,
                'message_key', 'created.' || t.id), 10::smallint, 10::smallint)
        ) AS spec (identifier, payload, max_attempts, priority)
    ));
    RETURN NULL;
END;
$$;
DROP INDEX tickets_open_recent_idx;
DROP TABLE ticket_duplicates;
DROP FUNCTION ticket_similarity(TEXT, TEXT, TEXT, TEXT);

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
DELETE FROM ticket_events WHERE kind = 'MERGED';
ALTER TABLE ticket_events DROP CONSTRAINT ticket_events_kind_check;
ALTER TABLE ticket_events ADD CONSTRAINT ticket_events_kind_check CHECK (kind IN ('CREATED',
    'STATUS_CHANGED', 'ASSIGNED', 'UNASSIGNED', 'PRIORITY_CHANGED', 'UPDATED', 'DELETED',
    'RESTORED', 'TRIAGED', 'MESSAGE_ADDED', 'RATED', 'SLA_WARNING', 'SLA_BREACHED', 'TAGGED'));

ALTER TABLE ticket_messages DROP COLUMN merged_from;
ALTER TABLE tickets DROP COLUMN merged_into_id;
-- pg_trgm stays: other objects of the database may use it.
