-- +migrate Up
-- The alert table and its status.
CREATE TYPE enum_alert_status AS ENUM ('triggered', 'active', 'closed');

CREATE TABLE alerts (
    id bigserial PRIMARY KEY,
-- sql-migrate drops this line, inside the statement too.
    status enum_alert_status NOT NULL DEFAULT 'triggered',
    summary text NOT NULL
);

-- +migrate Down
DROP TABLE alerts;
DROP TYPE enum_alert_status;
