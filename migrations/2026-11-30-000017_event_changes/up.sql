-- What an UPDATED event changed: [{"field", "from", "to"}], one entry per edited field.
ALTER TABLE ticket_events ADD COLUMN changes JSONB
    CHECK (changes IS NULL OR jsonb_typeof(changes) = 'array');
