-- atlas:txmode none

-- Add value to enum type: "job_status"
ALTER TYPE "public"."job_status" ADD VALUE 'done';
