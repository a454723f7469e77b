package migrations

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

/* schematasks:equivalent
   ALTER TYPE job_status ADD VALUE 'failed';
*/
func init() {
	goose.AddMigrationContext(upBackfillStatuses, downBackfillStatuses)
}

func upBackfillStatuses(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "ALTER TYPE job_status ADD VALUE 'failed'")
	return err
}

func downBackfillStatuses(ctx context.Context, tx *sql.Tx) error {
	return nil
}
