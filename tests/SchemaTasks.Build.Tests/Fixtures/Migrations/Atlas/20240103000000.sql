-- Create index "jobs_status_idx" to table: "jobs"
CREATE INDEX "jobs_status_idx" ON "public"."jobs" ("status");
