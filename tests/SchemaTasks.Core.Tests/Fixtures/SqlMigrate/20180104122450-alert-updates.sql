-- +migrate Up
ALTER TABLE alerts ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(); -- set by the trigger

-- +migrate StatementBegin
CREATE FUNCTION fn_touch_alert() RETURNS trigger AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- +migrate StatementEnd

CREATE TRIGGER trg_touch_alert BEFORE UPDATE ON alerts
    FOR EACH ROW EXECUTE PROCEDURE fn_touch_alert();

-- +migrate Down
DROP TRIGGER trg_touch_alert ON alerts;
DROP FUNCTION fn_touch_alert();
ALTER TABLE alerts DROP COLUMN updated_at;

-- +migrate Up
CREATE TABLE alert_logs (
    id bigserial PRIMARY KEY,
    alert_id bigint NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    event text NOT NULL CHECK (event IN ('created', 'escalated', 'closed'))
);
