CREATE TABLE bots (
    id serial PRIMARY KEY,
    name varchar(100) NOT NULL,
    health_status text NOT NULL DEFAULT 'normal'
        CHECK (health_status IN ('normal','potentially_stuck'))
);
