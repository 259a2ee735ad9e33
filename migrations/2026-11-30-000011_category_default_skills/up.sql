-- Skills that route a ticket of this category when its text names none (admins set them).
ALTER TABLE categories ADD COLUMN default_skills TEXT[] NOT NULL DEFAULT '{}'
    CHECK (cardinality(default_skills) <= 50);
