-- Re-state the whole list: MySQL ENUMs are changed by redefining the column.
ALTER TABLE job_tracking
  MODIFY COLUMN job_type ENUM('cleanup','failover','migration','cloudstack','volume_daemon','linstor','virtio','ossea','scheduler','discovery','bulk-operations','group-management','conflict-detection','phantom-detection','schedule_management','schedule_control','protection_flow','backup_execution') DEFAULT NULL;
