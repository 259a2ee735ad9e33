-- Staff may correct a triaged ticket's skills too; those corrections are labels for the
-- per-skill models. NULL: staff left the skills alone.
ALTER TABLE triage_corrections ADD COLUMN skills TEXT[];
ALTER TABLE triage_corrections DROP CONSTRAINT triage_corrections_check;
ALTER TABLE triage_corrections ADD CONSTRAINT triage_corrections_some_label
    CHECK (category IS NOT NULL OR priority IS NOT NULL OR skills IS NOT NULL);
