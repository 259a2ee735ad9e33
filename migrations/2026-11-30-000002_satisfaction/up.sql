-- Customer satisfaction: the requester rates a resolution (1 to 5, optional comment). A
-- reopened and re-resolved ticket is rated again, so a rating belongs to one resolution.
CREATE TABLE ticket_ratings (
    ticket_id UUID NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    resolved_at TIMESTAMPTZ NOT NULL,
    score SMALLINT NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment TEXT CHECK (char_length(comment) BETWEEN 1 AND 2000),
    rated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (ticket_id, resolved_at)
);
CREATE INDEX ticket_ratings_rated_idx ON ticket_ratings (rated_at);

ALTER TABLE ticket_events DROP CONSTRAINT ticket_events_kind_check;
ALTER TABLE ticket_events ADD CONSTRAINT ticket_events_kind_check CHECK (kind IN ('CREATED',
    'STATUS_CHANGED', 'ASSIGNED', 'UNASSIGNED', 'PRIORITY_CHANGED', 'UPDATED', 'DELETED',
    'RESTORED', 'TRIAGED', 'MESSAGE_ADDED', 'RATED'));
