DROP TABLE IF EXISTS job_tracking;
