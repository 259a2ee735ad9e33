DROP TABLE triage_models;
DROP TABLE triage_corrections;
