-- The background pipeline: triage results and auto-assignment on tickets, chat transcripts,
-- the email delivery log, and the transactional outbox. Jobs live in graphile_worker's own
-- schema (installed by the application before these triggers can fire); the triggers below
-- enqueue them in the same transaction as the row that causes them, so a committed ticket
-- always has its jobs and a rolled-back one never does.

ALTER TABLE tickets
    -- Who set the priority last decides whether triage may change it (see domain/triage).
    ADD COLUMN priority_source TEXT NOT NULL DEFAULT 'DEFAULT'
        CHECK (priority_source IN ('DEFAULT', 'REQUESTER', 'STAFF', 'TRIAGE')),
    -- Why auto-assignment chose the assignee (rule, matched skills, score); staff-only.
    ADD COLUMN assignment_reason JSONB CHECK (jsonb_typeof(assignment_reason) = 'object');

-- The triage step's provenance, one row per analysed ticket. The analysis itself (summary,
-- skills, notes, priority) lives on the ticket, where staff can edit it.
CREATE TABLE ticket_triage (
    ticket_id UUID PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
    provider TEXT NOT NULL CHECK (char_length(provider) BETWEEN 1 AND 40),
    model TEXT NOT NULL CHECK (char_length(model) BETWEEN 1 AND 100),
    confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    suggested_category_id UUID REFERENCES categories (id),
    suggested_priority TEXT NOT NULL CHECK (suggested_priority IN ('LOW', 'MEDIUM', 'HIGH', 'URGENT')),
    analyzed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The AI-assistant transcript a ticket was filed from (staff-visible).
CREATE TABLE ticket_conversations (
    ticket_id UUID PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
    conversation_ref TEXT CHECK (char_length(conversation_ref) BETWEEN 1 AND 200),
    transcript JSONB NOT NULL CHECK (jsonb_typeof(transcript) = 'array'),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Tie-break for auto-assignment: among equal candidates the one assigned longest ago wins.
ALTER TABLE users ADD COLUMN last_assigned_at TIMESTAMPTZ;

ALTER TABLE ticket_events DROP CONSTRAINT ticket_events_kind_check;
ALTER TABLE ticket_events ADD CONSTRAINT ticket_events_kind_check CHECK (kind IN ('CREATED',
    'STATUS_CHANGED', 'ASSIGNED', 'UNASSIGNED', 'PRIORITY_CHANGED', 'UPDATED', 'DELETED',
    'RESTORED', 'TRIAGED'));

-- One row per email handed to the transport. The Message-ID is derived from what caused the
-- email, so a retried job finds its own row and never sends twice.
CREATE TABLE email_deliveries (
    message_id TEXT PRIMARY KEY CHECK (char_length(message_id) BETWEEN 3 AND 200),
    kind TEXT NOT NULL CHECK (kind IN ('TICKET_CREATED', 'TICKET_ASSIGNED', 'TICKET_RESOLVED')),
    ticket_id UUID REFERENCES tickets (id) ON DELETE SET NULL,
    recipient CITEXT NOT NULL CHECK (length(recipient) BETWEEN 3 AND 254),
    subject TEXT NOT NULL CHECK (char_length(subject) <= 300),
    transport TEXT NOT NULL CHECK (transport IN ('SMTP', 'FILE')),
    sent_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX email_deliveries_ticket_idx ON email_deliveries (ticket_id);

-- New tickets: triage, then (enqueued by triage) assignment; and the requester's receipt.
-- Emails have priority 10 (graphile runs lower numbers first), so a burst of receipts never
-- delays triage and assignment.
-- Bulk loads that file history without work (the demo seed) run with
-- session_replication_role = replica, which skips these triggers.
CREATE FUNCTION enqueue_ticket_jobs() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE TRIGGER tickets_enqueue_jobs AFTER INSERT ON tickets
    REFERENCING NEW TABLE AS new_tickets
    FOR EACH STATEMENT EXECUTE FUNCTION enqueue_ticket_jobs();

-- Events that notify someone: an assignment (the assignee) and a resolution (the requester).
CREATE FUNCTION enqueue_event_emails() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Most events notify nobody; skip the queue call for them.
    IF NOT EXISTS (SELECT 1 FROM new_events WHERE kind IN ('ASSIGNED', 'STATUS_CHANGED')) THEN
        RETURN NULL;
    END IF;
    PERFORM graphile_worker.add_jobs(ARRAY(
        SELECT ROW('send_email', json_build_object('kind', mail.kind, 'ticket_id', e.ticket_id,
            'event_id', e.id, 'message_key', mail.prefix || '.' || e.id),
            NULL, NULL, 10::smallint, NULL, 10::smallint, NULL)::graphile_worker.job_spec
        FROM new_events e CROSS JOIN LATERAL (
            SELECT 'TICKET_ASSIGNED' AS kind, 'assigned' AS prefix
            WHERE e.kind = 'ASSIGNED'
            UNION ALL
            SELECT 'TICKET_RESOLVED', 'resolved'
            WHERE e.kind = 'STATUS_CHANGED' AND e.to_value = 'RESOLVED'
        ) AS mail
    ));
    RETURN NULL;
END;
$$;
CREATE TRIGGER ticket_events_enqueue_emails AFTER INSERT ON ticket_events
    REFERENCING NEW TABLE AS new_events
    FOR EACH STATEMENT EXECUTE FUNCTION enqueue_event_emails();
