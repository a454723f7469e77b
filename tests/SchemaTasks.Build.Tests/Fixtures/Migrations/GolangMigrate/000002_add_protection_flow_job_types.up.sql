ALTER TABLE job_tracking MODIFY COLUMN job_type ENUM('cleanup','failover','migration','protection_flow') DEFAULT NULL;
