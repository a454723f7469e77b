CREATE TYPE mood AS ENUM ('sad', 'ok', 'very_happy');

CREATE TABLE person (
  id bigserial PRIMARY KEY,
  current_mood mood NOT NULL
);
