DROP INDEX tickets_status_idx;
CREATE INDEX tickets_status_idx ON tickets (status, created_at DESC) WHERE deleted_at IS NULL;
