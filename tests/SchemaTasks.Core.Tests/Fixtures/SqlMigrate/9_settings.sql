-- +migrate Up
CREATE TABLE settings (
    name text PRIMARY KEY,
    value text NOT NULL
);

-- +migrate Down
DROP TABLE settings;
