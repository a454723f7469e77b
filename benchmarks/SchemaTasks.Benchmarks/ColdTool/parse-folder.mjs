// The peer baseline of ColdToolBenchmarks: PostgreSQL's own parser (libpg-query, compiled to
// WebAssembly) parsing every migration of a Prisma folder, as a whole node process.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'libpg-query';

const root = process.argv[2];
let files = 0;
let statements = 0;
for (const entry of readdirSync(root).sort()) {
  const path = join(root, entry, 'migration.sql');
  if (!existsSync(path)) continue;
  const tree = await parse(readFileSync(path, 'utf8'));
  files++;
  statements += tree.stmts.length;
}
console.log(`${files} files, ${statements} statements`);
