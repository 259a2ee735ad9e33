-- Outgoing webhooks (Standard Webhooks). Admins register endpoints; every ticket event an
-- endpoint subscribes to becomes a delivery row in the event's own transaction, plus one keyed
-- job per endpoint and ticket that sends that ticket's deliveries in event order.
CREATE TABLE webhook_endpoints (
    id UUID PRIMARY KEY,
    url TEXT NOT NULL CHECK (url ~ '^https?://' AND char_length(url) <= 2000),
    description TEXT NOT NULL DEFAULT '' CHECK (char_length(description) <= 500),
    event_types TEXT[] NOT NULL CHECK (
        cardinality(event_types) > 0
        AND event_types <@ ARRAY['ticket.created', 'ticket.updated', 'ticket.assigned',
            'ticket.status_changed', 'message.created', 'sla.breached', 'ticket.rated']),
    include_internal_notes BOOLEAN NOT NULL DEFAULT false,
    active BOOLEAN NOT NULL DEFAULT true,
    -- Kept in clear: signing needs the key itself (whsec_ + base64).
    secret TEXT NOT NULL CHECK (secret LIKE 'whsec\_%'),
    -- After a rotation, deliveries are signed with both keys until the grace period ends.
    previous_secret TEXT CHECK (previous_secret LIKE 'whsec\_%'),
    previous_secret_expires_at TIMESTAMPTZ,
    consecutive_failures INT NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
    disabled_at TIMESTAMPTZ,
    disabled_reason TEXT,
    created_by UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((previous_secret IS NULL) = (previous_secret_expires_at IS NULL))
);

CREATE TABLE webhook_deliveries (
    -- Sent as `webhook-id`: the same on every retry and redelivery.
    id UUID PRIMARY KEY,
    endpoint_id UUID NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id BIGINT NOT NULL REFERENCES ticket_events (id) ON DELETE CASCADE,
    ticket_id UUID NOT NULL,
    event_type TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts INT NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- Fixed at the first attempt, so every retry sends the same bytes.
    body TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at TIMESTAMPTZ,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_pending_idx ON webhook_deliveries (endpoint_id, ticket_id, event_id)
    WHERE state = 'PENDING';
CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (endpoint_id, created_at DESC);

CREATE TABLE webhook_attempts (
    id BIGSERIAL PRIMARY KEY,
    delivery_id UUID NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    status_code INT,
    latency_ms INT NOT NULL CHECK (latency_ms >= 0),
    response_snippet TEXT NOT NULL DEFAULT '',
    error TEXT
);
CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, id);

-- Which webhook event type a ticket event is, if any.
CREATE FUNCTION webhook_event_type(kind TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
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

CREATE FUNCTION enqueue_webhook_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Most installations have no endpoint; one index-free probe of a tiny table.
    IF NOT EXISTS (SELECT 1 FROM webhook_endpoints WHERE active) THEN
        RETURN NULL;
    END IF;
    INSERT INTO webhook_deliveries (id, endpoint_id, event_id, ticket_id, event_type)
    SELECT gen_random_uuid(), ep.id, e.id, e.ticket_id, webhook_event_type(e.kind)
    FROM new_events e
    JOIN webhook_endpoints ep ON ep.active
        AND webhook_event_type(e.kind) = ANY (ep.event_types)
        AND (e.kind <> 'MESSAGE_ADDED' OR NOT e.internal OR ep.include_internal_notes);
    -- One sender per endpoint and ticket (keyed, so a burst adds one job); a pending sender
    -- keeps its run_at, which may be a retry's backoff. The queue per endpoint runs them one
    -- at a time, which keeps each ticket's deliveries in order.
    PERFORM graphile_worker.add_jobs(ARRAY(
        SELECT ROW('deliver_webhooks',
            json_build_object('endpoint_id', d.endpoint_id, 'ticket_id', d.ticket_id),
            'webhook:' || d.endpoint_id, NULL, 25::smallint,
            'webhook:' || d.endpoint_id || ':' || d.ticket_id, 5::smallint,
            NULL)::graphile_worker.job_spec
        FROM (SELECT DISTINCT d.endpoint_id, d.ticket_id
              FROM webhook_deliveries d JOIN new_events e ON e.id = d.event_id) d
    ), true);
    RETURN NULL;
END;
$$;
CREATE TRIGGER ticket_events_enqueue_webhooks AFTER INSERT ON ticket_events
    REFERENCING NEW TABLE AS new_events
    FOR EACH STATEMENT EXECUTE FUNCTION enqueue_webhook_deliveries();

ALTER TABLE email_deliveries DROP CONSTRAINT email_deliveries_kind_check;
ALTER TABLE email_deliveries ADD CONSTRAINT email_deliveries_kind_check CHECK (kind IN (
    'TICKET_CREATED', 'TICKET_ASSIGNED', 'TICKET_RESOLVED', 'STAFF_REPLIED',
    'REQUESTER_REPLIED', 'VERIFY_EMAIL', 'SLA_WARNING', 'SLA_BREACHED', 'REQUESTER_ASSIGNED',
    'STATUS_UPDATE', 'UNASSIGNED_ALERT', 'WEBHOOK_DISABLED'));
