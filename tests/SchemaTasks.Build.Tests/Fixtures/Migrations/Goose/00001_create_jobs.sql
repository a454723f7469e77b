-- +goose Up
CREATE TYPE job_status AS ENUM ('queued', 'running');
CREATE TABLE jobs (
    id bigserial PRIMARY KEY,
    status job_status NOT NULL DEFAULT 'queued'
);

-- +goose StatementBegin
CREATE FUNCTION jobs_touch() RETURNS trigger AS $$
BEGIN
    NEW.status := COALESCE(NEW.status, 'queued');
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION jobs_touch();
DROP TABLE jobs;
DROP TYPE job_status;
