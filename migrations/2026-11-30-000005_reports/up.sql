-- Reports: the "resolved" volume series reads tickets by resolution time, and the reopen rate
-- reads the (few) status changes out of RESOLVED.
CREATE INDEX tickets_resolved_idx ON tickets (resolved_at)
    WHERE deleted_at IS NULL AND resolved_at IS NOT NULL;
CREATE INDEX ticket_events_reopened_idx ON ticket_events (ticket_id)
    WHERE kind = 'STATUS_CHANGED' AND from_value = 'RESOLVED';
-- The report reads a period's tickets from this index alone (an index-only scan once the
-- visibility map is current).
CREATE INDEX tickets_report_idx ON tickets (created_at)
    INCLUDE (id, status, priority, category_id, source, assignee_id, requester_id,
        first_response_at, resolved_at)
    WHERE deleted_at IS NULL;
