-- A filed batch queues its triage, duplicate search and receipt jobs per chunk of up to 8
-- tickets instead of per ticket: `add_jobs` for three jobs a ticket was about a third of the
-- filing statement's time, and filing is serial (gap-free numbers). A chunk of one keeps the
-- single-ticket payload. A chunk's job runs its tickets in turn and queues a ticket that fails
-- again as a job of its own (see `services::filed_batch`). Keep 8 in step with
-- `queue::FILED_CHUNK`.
CREATE OR REPLACE FUNCTION enqueue_ticket_jobs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM graphile_worker.add_jobs(ARRAY(
        SELECT ROW(spec.identifier, spec.payload, NULL, NULL, spec.max_attempts, NULL,
            spec.priority, NULL)::graphile_worker.job_spec
        FROM (
            SELECT array_agg(n.id ORDER BY n.id) AS ids
            FROM (SELECT t.id, (row_number() OVER (ORDER BY t.id) - 1) / 8 AS chunk
                  FROM new_tickets t) n
            GROUP BY n.chunk
        ) c CROSS JOIN LATERAL (VALUES
            ('triage_ticket', CASE WHEN cardinality(c.ids) = 1
                THEN json_build_object('ticket_id', c.ids[1])
                ELSE json_build_object('ticket_ids', c.ids) END, 5::smallint, 0::smallint),
            ('find_duplicates', CASE WHEN cardinality(c.ids) = 1
                THEN json_build_object('ticket_id', c.ids[1])
                ELSE json_build_object('ticket_ids', c.ids) END, 3::smallint, 5::smallint),
            ('send_email', CASE WHEN cardinality(c.ids) = 1
                THEN json_build_object('kind', 'TICKET_CREATED', 'ticket_id', c.ids[1],
                    'message_key', 'created.' || c.ids[1])
                ELSE json_build_object('receipts_for', c.ids) END, 10::smallint, 10::smallint)
        ) AS spec (identifier, payload, max_attempts, priority)
    ));
    RETURN NULL;
END;
$$;
