CREATE TYPE "public"."job_status" AS ENUM('queued', 'running');--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" serial PRIMARY KEY NOT NULL,
	"status" "job_status" DEFAULT 'queued' NOT NULL
);
