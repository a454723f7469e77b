CREATE TABLE job_tracking (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    job_type ENUM('cleanup','failover','migration') DEFAULT NULL
);
