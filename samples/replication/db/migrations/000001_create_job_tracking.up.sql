CREATE TABLE IF NOT EXISTS job_tracking (
  id VARCHAR(64) NOT NULL,
  job_type ENUM('cleanup','failover','migration','cloudstack','volume_daemon','linstor','virtio','ossea','scheduler','discovery','bulk-operations','group-management','conflict-detection','phantom-detection','schedule_management','schedule_control') DEFAULT NULL,
  status VARCHAR(32) NOT NULL DEFAULT 'pending',
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  KEY idx_job_tracking_type (job_type)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
