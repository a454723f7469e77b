DROP TABLE job_tracking;
