// Runs drizzle-orm's own migrator on a drizzle-kit migrations folder and prints the rows of
// drizzle's migrations table, so tests can compare SchemaTasks with the real tool.
//
//   node drizzle-migrate.mjs <postgres|mysql> <connection-url> <migrations-folder>
//       migrate (drizzle-orm/node-postgres/migrator with pg, drizzle-orm/mysql2/migrator with
//       mysql2), then print the rows
//   node drizzle-migrate.mjs <postgres|mysql> rows <connection-url>
//       print the rows only (drizzle has no status command); [] when the table does not exist
//
// The folder is drizzle-kit's: meta/_journal.json and one <tag>.sql per journal entry, its
// statements separated by `--> statement-breakpoint`. The rows, ordered by id, go to stdout as
// JSON: [{"hash":"<sha256 hex>","created_at":<journal "when", a number>}]. The table is
// drizzle.__drizzle_migrations on PostgreSQL and __drizzle_migrations (in the URL's database)
// on MySQL/MariaDB. On failure the error (and the database's message) goes to stderr and the
// exit code is 1; 2 for wrong arguments.
//
// URLs: postgres://user:password@host:port/database, mysql://user:password@host:port/database.
//
// Environment:
//   SCHEMATASKS_TEST_PEER_TOOLS   the folder build/peer-tools.sh installed drizzle-orm, pg and
//                                 mysql2 in (`build/peer-tools.sh env` prints it); default:
//                                 artifacts/peer-tools under the repository holding this script.
// The packages are loaded from that folder's node_modules with require (their CommonJS builds),
// because Node's ES module resolution ignores NODE_PATH; so the script runs from anywhere with
// a plain `node`.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const usage =
  "usage: node drizzle-migrate.mjs <postgres|mysql> <connection-url> <migrations-folder>\n" +
  "       node drizzle-migrate.mjs <postgres|mysql> rows <connection-url>";

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const toolsDir = path.resolve(
  process.env.SCHEMATASKS_TEST_PEER_TOOLS || path.join(scriptDir, "..", "..", "..", "artifacts", "peer-tools"),
);
// Resolution starts in toolsDir, as if from a file there; the file need not exist.
const require = createRequire(path.join(toolsDir, "peer-tools.cjs"));

function load(name) {
  try {
    return require(name);
  } catch (error) {
    throw new Error(
      `cannot load ${name} from ${toolsDir}/node_modules (run build/peer-tools.sh install, ` +
        `or set SCHEMATASKS_TEST_PEER_TOOLS): ${error.message}`,
    );
  }
}

// The rows as printed: created_at is a bigint column (a string from pg), a millisecond time.
function toRows(rows) {
  return rows.map((row) => ({
    hash: row.hash,
    created_at: row.created_at === null || row.created_at === undefined ? null : Number(row.created_at),
  }));
}

async function runPostgres(url, folder) {
  const pg = load("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (folder !== undefined) {
      const { drizzle } = load("drizzle-orm/node-postgres");
      const { migrate } = load("drizzle-orm/node-postgres/migrator");
      await migrate(drizzle(client), { migrationsFolder: folder });
    }
    const exists = await client.query("SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present");
    if (!exists.rows[0].present) return [];
    const result = await client.query("SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY id");
    return toRows(result.rows);
  } finally {
    await client.end();
  }
}

async function runMySql(url, folder) {
  const mysql = load("mysql2/promise");
  const connection = await mysql.createConnection(url);
  try {
    if (folder !== undefined) {
      const { drizzle } = load("drizzle-orm/mysql2");
      const { migrate } = load("drizzle-orm/mysql2/migrator");
      await migrate(drizzle(connection), { migrationsFolder: folder });
    }
    const [exists] = await connection.query(
      "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '__drizzle_migrations'",
    );
    if (Number(exists[0].n) === 0) return [];
    const [rows] = await connection.query("SELECT `hash`, `created_at` FROM `__drizzle_migrations` ORDER BY `id`");
    return toRows(rows);
  } finally {
    await connection.end();
  }
}

function describe(error) {
  const parts = [error && error.message ? error.message : String(error)];
  for (let cause = error && error.cause; cause; cause = cause.cause) {
    parts.push(cause.message ? cause.message : String(cause));
  }
  return parts.join("\ncaused by: ");
}

async function main(args) {
  if (args.length !== 3 || !["postgres", "mysql"].includes(args[0])) {
    process.stderr.write(usage + "\n");
    return 2;
  }
  const [server, second, third] = args;
  const [url, folder] = second === "rows" ? [third, undefined] : [second, path.resolve(third)];
  const rows = server === "postgres" ? await runPostgres(url, folder) : await runMySql(url, folder);
  process.stdout.write(JSON.stringify(rows) + "\n");
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`drizzle-migrate: error: ${describe(error)}\n`);
  process.exitCode = 1;
}
