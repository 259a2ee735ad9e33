DROP TABLE login_failures;

DROP TRIGGER ticket_events_position ON ticket_events;
DROP FUNCTION position_ticket_event();

CREATE FUNCTION notify_ticket_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('deskql_ticket_events', NEW.id::text);
    RETURN NULL;
END;
$$;
CREATE TRIGGER ticket_events_notify AFTER INSERT ON ticket_events
    FOR EACH ROW EXECUTE FUNCTION notify_ticket_event();

DROP INDEX ticket_events_ticket_position_idx;
DROP INDEX ticket_events_position_idx;
ALTER TABLE ticket_events DROP COLUMN position;
DROP SEQUENCE ticket_event_positions;
