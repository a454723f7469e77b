DROP INDEX jobs_status;
