#!/usr/bin/env bash
# The real migration tools that tests compare SchemaTasks with: dbmate, drizzle-orm's
# migrator (with the pg and mysql2 drivers) and Prisma's schema engine compiled to WebAssembly
# (with its PostgreSQL driver adapter), installed from npm at pinned versions.
#
#   build/peer-tools.sh install   install the pinned packages unless they are already there (npm)
#   build/peer-tools.sh env       print the `export` line the tests read (SCHEMATASKS_TEST_PEER_TOOLS)
#
# After `install` the folder holds:
#   node_modules/.bin/dbmate      dbmate's command (the npm package runs the Go binary shipped in
#                                 its optional dependency @dbmate/<platform>), e.g.
#                                   dbmate --url <url> --migrations-dir <dir> --no-dump-schema up
#                                 with postgres://user:password@host:port/db?sslmode=disable (the
#                                 test servers have no SSL) or mysql://user:password@host:port/db
#   node_modules/drizzle-orm, pg, mysql2
#                                 loaded by tests/Shared/PeerTools/drizzle-migrate.mjs from the
#                                 folder SCHEMATASKS_TEST_PEER_TOOLS names (see that script)
#   node_modules/@prisma/schema-engine-wasm, @prisma/adapter-pg, @prisma/driver-adapter-utils
#                                 Prisma's migration engine without its native binary (which
#                                 downloads at first use), run by tests/Shared/PeerTools/prisma-migrate.mjs
#
# Settings (environment):
#   SCHEMATASKS_PEER_TOOLS_DIR    npm install folder   (default artifacts/peer-tools under the repository)
#
# npm needs no install scripts for these packages (dbmate's binary is a plain file in its
# platform package), so npm's policy on install scripts does not matter.
set -euo pipefail

caller_dir=$PWD
cd "$(dirname "$0")/.."
repo_dir=$PWD

TOOLS_DIR=${SCHEMATASKS_PEER_TOOLS_DIR:-$repo_dir/artifacts/peer-tools}
case $TOOLS_DIR in /*) ;; *) TOOLS_DIR=$caller_dir/$TOOLS_DIR ;; esac

# The exact npm version of each package.
PACKAGES=(
  dbmate@2.36.0
  drizzle-orm@0.45.4
  pg@8.23.1
  mysql2@3.25.0
  @prisma/schema-engine-wasm@8.1.0-2.59be4fda12412a79eeb9c2ae727b6aa723593323
  @prisma/adapter-pg@7.10.1
  @prisma/driver-adapter-utils@7.10.1
)

log() { printf 'peer-tools.sh: %s\n' "$*"; }
die() { printf 'peer-tools.sh: error: %s\n' "$*" >&2; exit 1; }

show_log() {
  local file=$1
  if [[ -f $file ]]; then
    printf -- '--- last lines of %s ---\n' "$file" >&2
    tail -n 30 "$file" >&2 || true
  fi
}

# Succeeds when <name>@<version> is installed in TOOLS_DIR.
package_present() {
  local spec=$1 name version
  name=${spec%@*}
  version=${spec##*@}
  grep -q "\"version\": \"$version\"" "$TOOLS_DIR/node_modules/$name/package.json" 2>/dev/null
}

# Succeeds when every pinned package is installed and dbmate's binary runs.
all_present() {
  local spec
  for spec in "${PACKAGES[@]}"; do package_present "$spec" || return 1; done
  "$TOOLS_DIR/node_modules/.bin/dbmate" --version >/dev/null 2>&1
}

cmd_install() {
  if all_present; then
    log "${PACKAGES[*]} are present in $TOOLS_DIR; nothing to install"
    return
  fi
  { command -v npm && command -v node; } >/dev/null || die "npm and node are needed to install ${PACKAGES[*]}; install Node.js"
  log "installing ${PACKAGES[*]} (npm) in $TOOLS_DIR"
  rm -rf "$TOOLS_DIR"
  mkdir -p "$TOOLS_DIR"
  npm install --prefix "$TOOLS_DIR" --no-save --no-package-lock --no-audit --no-fund \
    --fetch-retries=2 "${PACKAGES[@]}" >"$TOOLS_DIR/npm.log" 2>&1 \
    || { show_log "$TOOLS_DIR/npm.log"; die "npm could not install ${PACKAGES[*]} (is the npm registry reachable?)"; }
  local spec
  for spec in "${PACKAGES[@]}"; do
    package_present "$spec" || die "npm finished, but $spec is not in $TOOLS_DIR/node_modules"
  done
  "$TOOLS_DIR/node_modules/.bin/dbmate" --version >/dev/null 2>&1 \
    || die "dbmate is installed, but $TOOLS_DIR/node_modules/.bin/dbmate does not run (no @dbmate package for $(uname -s) $(uname -m)?)"
  log "installed: $("$TOOLS_DIR/node_modules/.bin/dbmate" --version)"
}

cmd_env() {
  printf 'export SCHEMATASKS_TEST_PEER_TOOLS="%s"\n' "$TOOLS_DIR"
}

case ${1:-} in
  install) cmd_install ;;
  env) cmd_env ;;
  *) printf 'usage: %s install|env\n' "$0" >&2; exit 2 ;;
esac
