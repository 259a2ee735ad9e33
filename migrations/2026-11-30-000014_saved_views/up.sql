-- Named ticket filters. The filter is the `tickets` filter input as JSON, re-read on every
-- use, so a view follows category renames and new tickets. Shared views (admins) are listed
-- for all staff.
CREATE TABLE saved_views (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    owner_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (char_length(name) BETWEEN 1 AND 80),
    filter JSONB NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(filter) = 'object'),
    order_field TEXT NOT NULL DEFAULT 'CREATED_AT'
        CHECK (order_field IN ('CREATED_AT', 'UPDATED_AT', 'PRIORITY', 'SLA_DUE')),
    order_direction TEXT NOT NULL DEFAULT 'DESC' CHECK (order_direction IN ('ASC', 'DESC')),
    shared BOOLEAN NOT NULL DEFAULT false,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX saved_views_owner_name_idx ON saved_views (owner_id, lower(name));
CREATE INDEX saved_views_shared_idx ON saved_views (created_at) WHERE shared;
