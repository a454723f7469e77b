--liquibase formatted sql

--changeset dana:create-job-status
--comment: the states a job moves through
CREATE TYPE job_status AS ENUM ('queued', 'running');
--rollback DROP TYPE job_status;

--changeset dana:create-jobs
CREATE TABLE jobs (
    id bigint PRIMARY KEY,
    status job_status NOT NULL DEFAULT 'queued'
);
--rollback DROP TABLE jobs;
