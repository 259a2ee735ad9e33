ALTER TABLE categories DROP COLUMN default_skills;
