ALTER TABLE job_tracking
  MODIFY COLUMN job_type ENUM('cleanup','failover','migration','cloudstack','volume_daemon','linstor','virtio','ossea','scheduler','discovery','bulk-operations','group-management','conflict-detection','phantom-detection','schedule_management','schedule_control') DEFAULT NULL;
