DELETE FROM email_deliveries WHERE kind = 'WEBHOOK_DISABLED';
ALTER TABLE email_deliveries DROP CONSTRAINT email_deliveries_kind_check;
ALTER TABLE email_deliveries ADD CONSTRAINT email_deliveries_kind_check CHECK (kind IN (
    'TICKET_CREATED', 'TICKET_ASSIGNED', 'TICKET_RESOLVED', 'STAFF_REPLIED',
    'REQUESTER_REPLIED', 'VERIFY_EMAIL', 'SLA_WARNING', 'SLA_BREACHED', 'REQUESTER_ASSIGNED',
    'STATUS_UPDATE', 'UNASSIGNED_ALERT'));
DROP TRIGGER ticket_events_enqueue_webhooks ON ticket_events;
DROP FUNCTION enqueue_webhook_deliveries();
DROP FUNCTION webhook_event_type(TEXT);
DROP TABLE webhook_attempts;
DROP TABLE webhook_deliveries;
DROP TABLE webhook_endpoints;
