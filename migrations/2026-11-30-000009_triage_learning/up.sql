-- Triage learns from staff: a change staff make to a triaged ticket's category or priority is
-- a labelled example, and models retrained from the shipped corpus plus these corrections
-- are versioned here, so every instance triages with the same one.
CREATE TABLE triage_corrections (
    id BIGSERIAL PRIMARY KEY,
    ticket_id UUID NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    -- Only what staff changed; the other labels are unknown.
    category TEXT,
    priority TEXT CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH', 'URGENT')),
    corrected_by UUID REFERENCES users (id) ON DELETE SET NULL,
    corrected_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (category IS NOT NULL OR priority IS NOT NULL)
);
CREATE INDEX triage_corrections_ticket_idx ON triage_corrections (ticket_id, id);

CREATE TABLE triage_models (
    version INT PRIMARY KEY CHECK (version > 0),
    -- The recipe: the shipped corpus plus every correction with an id up to this one.
    -- Training is deterministic, so each instance rebuilds the very same model from it.
    corrections_through BIGINT NOT NULL,
    examples INT NOT NULL,
    corrections INT NOT NULL,
    category_accuracy DOUBLE PRECISION NOT NULL,
    priority_exact DOUBLE PRECISION NOT NULL,
    priority_within_one DOUBLE PRECISION NOT NULL,
    skills_precision DOUBLE PRECISION NOT NULL,
    skills_recall DOUBLE PRECISION NOT NULL,
    -- Held-out score plus agreement with recent corrections: what the gate compared.
    score DOUBLE PRECISION NOT NULL,
    active BOOLEAN NOT NULL DEFAULT false,
    trained_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX triage_models_one_active ON triage_models (active) WHERE active;
