-- Event positions in commit order. Ids are taken at INSERT, so a transaction that commits
-- later can hold a smaller id, and a reader comparing ids skips it. A position is taken at
-- COMMIT instead: a deferred trigger takes a transaction-scoped advisory lock (held until the
-- commit is visible) and only then draws from the sequence, so positions follow commit order
-- and a reader that has seen position N has seen every event committed before it.
CREATE SEQUENCE ticket_event_positions;
ALTER TABLE ticket_events ADD COLUMN position BIGINT;
UPDATE ticket_events SET position = nextval('ticket_event_positions')
    FROM (SELECT id FROM ticket_events ORDER BY id) AS ordered
    WHERE ticket_events.id = ordered.id;
CREATE UNIQUE INDEX ticket_events_position_idx ON ticket_events (position);
CREATE INDEX ticket_events_ticket_position_idx ON ticket_events (ticket_id, position);

DROP TRIGGER ticket_events_notify ON ticket_events;
DROP FUNCTION notify_ticket_event();

CREATE FUNCTION position_ticket_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    assigned BIGINT;
BEGIN
    -- 'deskqlev' in ASCII: serialises the short stretch from here to the commit.
    PERFORM pg_advisory_xact_lock(7234315281742194038);
    assigned := nextval('ticket_event_positions');
    UPDATE ticket_events SET position = assigned WHERE id = NEW.id;
    PERFORM pg_notify('deskql_ticket_events', assigned::text);
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER ticket_events_position AFTER INSERT ON ticket_events
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION position_ticket_event();

-- Failed logins: counted before the password is checked (so parallel guesses cannot all
-- pass a budget check first) and locked out for a window that runs from the last failure.
CREATE TABLE login_failures (
    bucket TEXT PRIMARY KEY,
    failures INTEGER NOT NULL CHECK (failures >= 0),
    last_failure_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_failures_last_idx ON login_failures (last_failure_at);
