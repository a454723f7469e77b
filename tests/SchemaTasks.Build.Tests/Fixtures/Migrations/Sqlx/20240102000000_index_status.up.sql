-- no-transaction
CREATE INDEX CONCURRENTLY jobs_status ON jobs (status);
