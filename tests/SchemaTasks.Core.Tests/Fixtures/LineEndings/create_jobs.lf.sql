-- One migration, stored once with CRLF and once with LF line endings.
CREATE TABLE jobs (
    id int PRIMARY KEY,
    status text NOT NULL
);
