-- CreateEnum
CREATE TYPE "momentum"."ScheduleFrequency" AS ENUM ('DAILY', 'WEEKLY', 'BIWEEKLY', 'MONTHLY');

-- CreateTable
CREATE TABLE "momentum"."mm_scheduled_issue" (
    "id" TEXT NOT NULL,
    "board_id" TEXT NOT NULL,
    "title" VARCHAR(255) NOT NULL,
    "frequency" "momentum"."ScheduleFrequency" NOT NULL DEFAULT 'WEEKLY',
    "next_run_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mm_scheduled_issue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "mm_scheduled_issue_board_id_idx" ON "momentum"."mm_scheduled_issue"("board_id");

-- AddForeignKey
ALTER TABLE "momentum"."mm_scheduled_issue" ADD CONSTRAINT "mm_scheduled_issue_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "momentum"."mm_board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
