-- Create enum type "job_status"
CREATE TYPE "public"."job_status" AS ENUM ('queued', 'running');
-- Create "jobs" table
CREATE TABLE "public"."jobs" (
  "id" bigserial NOT NULL,
  "status" "public"."job_status" NOT NULL DEFAULT 'queued',
  PRIMARY KEY ("id")
);
