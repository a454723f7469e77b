CREATE TABLE jobs (
    id BIGINT PRIMARY KEY,
    status VARCHAR(16) NOT NULL CHECK (status IN ('queued', 'running'))
);
