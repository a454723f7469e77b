-- +migrate Up notransaction
ALTER TYPE enum_alert_status ADD VALUE IF NOT EXISTS 'escalated';
ALTER TYPE enum_alert_status ADD VALUE IF NOT EXISTS 'acknowledged' AFTER 'active';

-- +migrate Down
