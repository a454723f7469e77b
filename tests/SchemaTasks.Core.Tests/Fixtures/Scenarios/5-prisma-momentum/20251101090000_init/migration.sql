-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "momentum";

-- CreateTable
CREATE TABLE "momentum"."mm_board" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mm_board_pkey" PRIMARY KEY ("id")
);
