CREATE TYPE order_state AS ENUM ('placed', 'paid', 'shipped');

CREATE TABLE orders (
    id serial PRIMARY KEY,
    state order_state NOT NULL,
    channel text NOT NULL CHECK (channel IN ('Web', 'Store'))
);
