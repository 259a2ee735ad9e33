-- Service-level agreements: business calendars, policies per priority (optionally per
-- category), and two clocks per ticket. The clocks' deadlines are computed in the application
-- (business-time arithmetic needs the time zone database); the tickets row carries a summary
-- of them so lists can filter and sort on an index.
CREATE TABLE business_calendars (
    id UUID PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (char_length(name) BETWEEN 1 AND 100),
    time_zone TEXT NOT NULL CHECK (char_length(time_zone) BETWEEN 1 AND 64),
    -- [{"day": "MONDAY", "start": "09:00", "end": "17:00"}, ...]; validated by the application.
    opening_hours JSONB NOT NULL CHECK (jsonb_typeof(opening_hours) = 'array'),
    holidays DATE[] NOT NULL DEFAULT '{}',
    is_default BOOLEAN NOT NULL DEFAULT false,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX business_calendars_one_default ON business_calendars (is_default)
    WHERE is_default;

CREATE TABLE sla_policies (
    id UUID PRIMARY KEY,
    name TEXT NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    priority TEXT NOT NULL CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH', 'URGENT')),
    category_id UUID REFERENCES categories (id) ON DELETE CASCADE,
    first_response_minutes INTEGER CHECK (first_response_minutes BETWEEN 1 AND 525600),
    resolution_minutes INTEGER CHECK (resolution_minutes BETWEEN 1 AND 525600),
    calendar_id UUID REFERENCES business_calendars (id) ON DELETE RESTRICT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (first_response_minutes IS NOT NULL OR resolution_minutes IS NOT NULL),
    UNIQUE NULLS NOT DISTINCT (priority, category_id)
);
CREATE INDEX sla_policies_calendar_idx ON sla_policies (calendar_id);

-- One row per ticket and metric. A clock without a target (no policy) still measures business
-- time, which the reports use. consumed_secs is the business time banked before running_since.
CREATE TABLE ticket_sla_clocks (
    ticket_id UUID NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    metric TEXT NOT NULL CHECK (metric IN ('FIRST_RESPONSE', 'RESOLUTION')),
    policy_id UUID REFERENCES sla_policies (id) ON DELETE SET NULL,
    target_minutes INTEGER CHECK (target_minutes > 0),
    consumed_secs BIGINT NOT NULL DEFAULT 0 CHECK (consumed_secs >= 0),
    running_since TIMESTAMPTZ,
    warn_at TIMESTAMPTZ,
    due_at TIMESTAMPTZ,
    stopped_at TIMESTAMPTZ,
    warned_at TIMESTAMPTZ,
    breached_at TIMESTAMPTZ,
    PRIMARY KEY (ticket_id, metric),
    CHECK (running_since IS NULL OR stopped_at IS NULL)
);
CREATE INDEX ticket_sla_clocks_policy_idx ON ticket_sla_clocks (policy_id);

ALTER TABLE tickets
    -- The nearest deadline of the ticket's running clocks (its clocks hold the rest).
    ADD COLUMN sla_due_at TIMESTAMPTZ,
    -- Sort key for "nearest due first": tickets without a running deadline sort last.
    ADD COLUMN sla_due_rank TIMESTAMPTZ GENERATED ALWAYS AS
        (COALESCE(sla_due_at, '9999-12-31T00:00:00Z'::timestamptz)) STORED;
CREATE INDEX tickets_sla_due_idx ON tickets (sla_due_rank, id) WHERE deleted_at IS NULL;

ALTER TABLE ticket_events DROP CONSTRAINT ticket_events_kind_check;
ALTER TABLE ticket_events ADD CONSTRAINT ticket_events_kind_check CHECK (kind IN ('CREATED',
    'STATUS_CHANGED', 'ASSIGNED', 'UNASSIGNED', 'PRIORITY_CHANGED', 'UPDATED', 'DELETED',
    'RESTORED', 'TRIAGED', 'MESSAGE_ADDED', 'RATED', 'SLA_WARNING', 'SLA_BREACHED'));

ALTER TABLE email_deliveries DROP CONSTRAINT email_deliveries_kind_check;
ALTER TABLE email_deliveries ADD CONSTRAINT email_deliveries_kind_check CHECK (kind IN (
    'TICKET_CREATED', 'TICKET_ASSIGNED', 'TICKET_RESOLVED', 'STAFF_REPLIED',
    'REQUESTER_REPLIED', 'VERIFY_EMAIL', 'SLA_WARNING', 'SLA_BREACHED'));
