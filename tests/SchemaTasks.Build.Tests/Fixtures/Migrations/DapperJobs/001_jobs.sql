CREATE TYPE job_status AS ENUM ('queued', 'running', 'done');

CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  status job_status NOT NULL DEFAULT 'queued'
);
