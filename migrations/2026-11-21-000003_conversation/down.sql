DROP TRIGGER ticket_messages_enqueue_emails ON ticket_messages;
DROP FUNCTION enqueue_message_emails();

DELETE FROM email_deliveries WHERE kind IN ('STAFF_REPLIED', 'REQUESTER_REPLIED', 'VERIFY_EMAIL');
ALTER TABLE email_deliveries DROP CONSTRAINT email_deliveries_kind_check;
ALTER TABLE email_deliveries ADD CONSTRAINT email_deliveries_kind_check CHECK (kind IN (
    'TICKET_CREATED', 'TICKET_ASSIGNED', 'TICKET_RESOLVED'));

DROP TABLE ticket_articles;
DROP TABLE help_articles;
DROP TABLE email_verifications;
ALTER TABLE users DROP COLUMN email_verified_at;
DROP TABLE guest_access_tokens;

DELETE FROM ticket_events WHERE kind = 'MESSAGE_ADDED';
ALTER TABLE ticket_events DROP CONSTRAINT ticket_events_kind_check;
ALTER TABLE ticket_events ADD CONSTRAINT ticket_events_kind_check CHECK (kind IN ('CREATED',
    'STATUS_CHANGED', 'ASSIGNED', 'UNASSIGNED', 'PRIORITY_CHANGED', 'UPDATED', 'DELETED',
    'RESTORED', 'TRIAGED'));
ALTER TABLE ticket_events DROP COLUMN internal;

DROP TABLE attachments;
DROP TABLE ticket_messages;
DROP INDEX tickets_search_idx;
ALTER TABLE tickets DROP COLUMN search_vector;
DROP FUNCTION deskql_tags_text(TEXT[]);
