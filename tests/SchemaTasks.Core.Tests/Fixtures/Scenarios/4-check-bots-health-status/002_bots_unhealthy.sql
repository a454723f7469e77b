ALTER TABLE bots DROP CONSTRAINT bots_health_status_check;
ALTER TABLE bots ADD CONSTRAINT bots_health_status_check
    CHECK ((health_status = ANY (ARRAY['normal'::text, 'potentially_stuck'::text, 'unhealthy'::text])));
