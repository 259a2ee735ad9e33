DROP TABLE email_preferences;
DELETE FROM email_deliveries WHERE kind IN ('REQUESTER_ASSIGNED', 'STATUS_UPDATE', 'UNASSIGNED_ALERT');
ALTER TABLE email_deliveries DROP CONSTRAINT email_deliveries_kind_check;
ALTER TABLE email_deliveries ADD CONSTRAINT email_deliveries_kind_check CHECK (kind IN (
    'TICKET_CREATED', 'TICKET_ASSIGNED', 'TICKET_RESOLVED', 'STAFF_REPLIED',
    'REQUESTER_REPLIED', 'VERIFY_EMAIL', 'SLA_WARNING', 'SLA_BREACHED'));

CREATE OR REPLACE FUNCTION enqueue_event_emails() RETURNS trigger LANGUAGE plpgsql AS $$
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
