--liquibase formatted sql

--changeset erik:add-done runInTransaction:false
ALTER TYPE job_status ADD VALUE 'done';

--changeset erik:index-status
CREATE INDEX jobs_status ON jobs (status);
/* liquibase rollback
DROP INDEX jobs_status;
*/
