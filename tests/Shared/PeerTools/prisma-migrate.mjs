// Runs Prisma's own migration engine, compiled to WebAssembly, on a Prisma migrations folder
// against PostgreSQL: what `prisma migrate deploy` does, without the native engine binary the
// Prisma CLI downloads at first use.
//
//   node prisma-migrate.mjs deploy <postgres-url> <migrations-folder>
//       apply the pending migrations (the engine's applyMigrations, as `prisma migrate deploy`);
//       prints {"appliedMigrationNames":[...]}, empty when nothing was pending
//   node prisma-migrate.mjs status <postgres-url> <migrations-folder>
//       compare the folder with _prisma_migrations (the engine's diagnoseMigrationHistory, as
//       `prisma migrate status`); prints {"editedMigrationNames":[...],"failedMigrationNames":[...],
//       "hasMigrationsTable":true,"history":null}, history null when nothing is pending
//
// The folder is Prisma's: <timestamp>_<name>/migration.sql and migration_lock.toml. On failure the engine's error goes to stderr (with Prisma's error code, such as
// P3009 for a failed migration recorded in _prisma_migrations) and the exit code is 1; 2 for
// wrong arguments.
//
// Environment:
//   SCHEMATASKS_TEST_PEER_TOOLS   the folder build/peer-tools.sh installed the packages in;
//                                 default: artifacts/peer-tools under the repository.
// The packages are ES modules imported by file path from that folder, so the script runs from
// anywhere with a plain `node`.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [mode, url, folder] = process.argv.slice(2);
if (!["deploy", "status"].includes(mode) || !url || !folder) {
  console.error("usage: node prisma-migrate.mjs <deploy|status> <postgres-url> <migrations-folder>");
  process.exit(2);
}

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const toolsDir = path.resolve(
  process.env.SCHEMATASKS_TEST_PEER_TOOLS || path.join(scriptDir, "..", "..", "..", "artifacts", "peer-tools"),
);
const modules = path.join(toolsDir, "node_modules");

async function load(relative) {
  try {
    return await import(pathToFileURL(path.join(modules, relative)).href);
  } catch (error) {
    throw new Error(`cannot load ${relative} from ${modules} (run build/peer-tools.sh install, or set SCHEMATASKS_TEST_PEER_TOOLS): ${error.message}`);
  }
}

function packageEntry(name, file) {
  const manifest = JSON.parse(fs.readFileSync(path.join(modules, name, "package.json"), "utf8"));
  return path.join(name, file ?? manifest.module ?? manifest.main);
}

// The package's own entry imports the .wasm file as a module, which Node does not do without a
// flag, so the engine's glue is loaded and given the instantiated module by hand.
const engineDir = path.join(modules, "@prisma", "schema-engine-wasm");
const glue = await load(path.join("@prisma", "schema-engine-wasm", "schema_engine_bg.js"));
const { instance } = await WebAssembly.instantiate(fs.readFileSync(path.join(engineDir, "schema_engine_bg.wasm")), { "./schema_engine_bg.js": glue });
glue.__wbg_set_wasm(instance.exports);
instance.exports.__wbindgen_start();

const { PrismaPg } = await load(packageEntry(path.join("@prisma", "adapter-pg")));
const { bindMigrationAwareSqlAdapterFactory } = await load(packageEntry(path.join("@prisma", "driver-adapter-utils")));

const baseDir = path.resolve(folder);
const migrationDirectories = fs.readdirSync(baseDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
  .map((name) => ({
    path: name,
    migrationFile: { path: "migration.sql", content: { tag: "ok", value: fs.readFileSync(path.join(baseDir, name, "migration.sql"), "utf8") } },
  }));
const lockPath = path.join(baseDir, "migration_lock.toml");
const migrationsList = {
  baseDir,
  lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
  shadowDbInitScript: "",
  migrationDirectories,
};

const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: url }));
const engine = await glue.SchemaEngine.new({ datamodels: [["schema.prisma", 'datasource db {\n  provider = "postgresql"\n}\n']] }, () => {}, adapter);
try {
  const filters = { externalTables: [], externalEnums: [] };
  const answer = mode === "deploy"
    ? await engine.applyMigrations({ migrationsList, filters })
    : await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters });
  console.log(JSON.stringify(answer));
} catch (error) {
  console.error(`prisma-migrate: error: ${error?.message ?? error} ${JSON.stringify(error)}`);
  process.exitCode = 1;
} finally {
  engine.free();
}

// The driver adapter's pool keeps idle connections open for seconds; nothing else is pending
// (stdout and stderr are synchronous for pipes and files on Linux), so exit now.
process.exit(process.exitCode ?? 0);
