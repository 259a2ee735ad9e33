DELETE FROM triage_corrections WHERE category IS NULL AND priority IS NULL;
ALTER TABLE triage_corrections DROP CONSTRAINT triage_corrections_some_label;
ALTER TABLE triage_corrections DROP COLUMN skills;
ALTER TABLE triage_corrections ADD CONSTRAINT triage_corrections_check
    CHECK (category IS NOT NULL OR priority IS NOT NULL);
