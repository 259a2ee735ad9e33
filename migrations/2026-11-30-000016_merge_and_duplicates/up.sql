-- Merging tickets and flagging likely duplicates as they arrive.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- A merged ticket is closed for good and points at the ticket it went into.
ALTER TABLE tickets ADD COLUMN merged_into_id UUID REFERENCES tickets (id) ON DELETE SET NULL,
    ADD CONSTRAINT tickets_merged_are_closed CHECK (merged_into_id IS NULL
        OR (merged_into_id <> id AND status = 'CLOSED'));

-- Messages moved by a merge keep the number of the ticket they came from, shown in the thread.
ALTER TABLE ticket_messages ADD COLUMN merged_from TEXT;

ALTER TABLE ticket_events DROP CONSTRAINT ticket_events_kind_check;
ALTER TABLE ticket_events ADD CONSTRAINT ticket_events_kind_check CHECK (kind IN ('CREATED',
    'STATUS_CHANGED', 'ASSIGNED', 'UNASSIGNED', 'PRIORITY_CHANGED', 'UPDATED', 'DELETED',
    'RESTORED', 'TRIAGED', 'MESSAGE_ADDED', 'RATED', 'SLA_WARNING', 'SLA_BREACHED', 'TAGGED',
    'MERGED'));

CREATE OR REPLACE FUNCTION webhook_event_type(kind TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE kind
        WHEN 'CREATED' THEN 'ticket.created'
        WHEN 'UPDATED' THEN 'ticket.updated'
        WHEN 'PRIORITY_CHANGED' THEN 'ticket.updated'
        WHEN 'TRIAGED' THEN 'ticket.updated'
        WHEN 'TAGGED' THEN 'ticket.updated'
        WHEN 'MERGED' THEN 'ticket.updated'
        WHEN 'ASSIGNED' THEN 'ticket.assigned'
        WHEN 'UNASSIGNED' THEN 'ticket.assigned'
        WHEN 'STATUS_CHANGED' THEN 'ticket.status_changed'
        WHEN 'MESSAGE_ADDED' THEN 'message.created'
        WHEN 'SLA_BREACHED' THEN 'sla.breached'
        WHEN 'RATED' THEN 'ticket.rated'
    END
$$;

-- How alike two tickets read, from 0 to 1: trigram similarity of the titles, and of the
-- descriptions' words (their first 2,000 characters) once both say enough to compare.
-- One definition for the detection job and for `deskql duplicates-eval`.
CREATE FUNCTION ticket_similarity(title_a TEXT, description_a TEXT, title_b TEXT,
    description_b TEXT) RETURNS REAL LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN length(description_a) < 20 OR length(description_b) < 20
            THEN similarity(lower(title_a), lower(title_b))
        ELSE 0.5 * similarity(lower(title_a), lower(title_b))
            + 0.5 * similarity(lower(left(description_a, 2000)), lower(left(description_b, 2000)))
    END::real
$$;

-- What the detection job found: `ticket_id` (the newer) may duplicate `duplicate_of_id`.
CREATE TABLE ticket_duplicates (
    ticket_id UUID NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    duplicate_of_id UUID NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    score REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
    reason TEXT NOT NULL CHECK (reason IN ('SAME_REQUESTER', 'SIMILAR_TEXT')),
    found_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (ticket_id, duplicate_of_id),
    CHECK (ticket_id <> duplicate_of_id)
);
CREATE INDEX ticket_duplicates_of_idx ON ticket_duplicates (duplicate_of_id);
-- Candidates are open tickets of the last days; the same requester's are found by email.
CREATE INDEX tickets_open_recent_idx ON tickets (created_at) WHERE deleted_at IS NULL
    AND status NOT IN ('RESOLVED', 'CLOSED', 'CANCELLED');

-- Filing a ticket also queues the duplicate search (after triage, before the receipt).
CREATE OR REPLACE FUNCTION enqueue_ticket_jobs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM graphile_worker.add_jobs(ARRAY(
        SELECT ROW(spec.identifier, spec.payload, NULL, NULL, spec.max_attempts, NULL,
            spec.priority, NULL)::graphile_worker.job_spec
        FROM new_tickets t CROSS JOIN LATERAL (VALUES
            ('triage_ticket', json_build_object('ticket_id', t.id), 5::smallint, 0::smallint),
            ('find_duplicates', json_build_object('ticket_id', t.id), 3::smallint, 5::smallint),
            ('send_email', json_build_object('kind', 'TICKET_CREATED', 'ticket_id', t.id,
                'message_key', 'created.' || t.id), 10::smallint, 10::smallint)
        ) AS spec (identifier, payload, max_attempts, priority)
    ));
    RETURN NULL;
END;
$$;
