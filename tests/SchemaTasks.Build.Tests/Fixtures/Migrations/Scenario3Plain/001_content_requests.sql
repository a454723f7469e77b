CREATE TYPE content_request_status AS ENUM ('pending','validating',
  'retrieving','generating_script','generating_video','processing_video',
  'notifying','completed','failed','cancelled');

CREATE TABLE content_requests (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    topic text NOT NULL,
    status content_request_status NOT NULL DEFAULT 'pending',
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Keep updated_at current; the body mentions DDL that must not be read as such.
CREATE OR REPLACE FUNCTION touch_content_request() RETURNS trigger AS $$
BEGIN
    -- CREATE TYPE content_request_status AS ENUM ('bogus');
    NEW.topic := trim(NEW.topic);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
