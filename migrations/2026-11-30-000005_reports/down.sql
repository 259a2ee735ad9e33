DROP INDEX tickets_report_idx;
DROP INDEX ticket_events_reopened_idx;
DROP INDEX tickets_resolved_idx;
