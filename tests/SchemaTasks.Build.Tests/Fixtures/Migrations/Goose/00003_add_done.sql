-- +goose NO TRANSACTION
-- +goose Up
ALTER TYPE job_status ADD VALUE 'done';

-- +goose Down
SELECT 'enum values cannot be removed';
