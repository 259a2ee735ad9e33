-- Back to one job of each kind per filed ticket. Chunked jobs still queued need the
-- handlers of this version to run.
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
