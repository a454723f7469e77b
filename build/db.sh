#!/usr/bin/env bash
# Private PostgreSQL and MariaDB servers for the test suite.
#
#   build/db.sh install   install the server packages if their binaries are missing (root, apt)
#   build/db.sh start     (re)create and start both servers on 127.0.0.1, fresh data each time
#   build/db.sh stop      stop both servers; fine when they are not running
#   build/db.sh env       print `export` lines with the connection strings the tests read
#
# Settings (environment):
#   SCHEMATASKS_PG_PORT     PostgreSQL port      (default 54329)
#   SCHEMATASKS_MYSQL_PORT  MariaDB port         (default 33069)
#   SCHEMATASKS_DB_DIR      scratch folder       (default artifacts/db under the repository)
#
# The servers never touch the system clusters or ports 5432/3306, so they can run next to
# them and next to other checkouts (give each checkout its own ports and folder).
set -euo pipefail

caller_dir=$PWD
cd "$(dirname "$0")/.."
repo_dir=$PWD

PG_PORT=${SCHEMATASKS_PG_PORT:-54329}
MYSQL_PORT=${SCHEMATASKS_MYSQL_PORT:-33069}
DB_DIR=${SCHEMATASKS_DB_DIR:-$repo_dir/artifacts/db}
case $DB_DIR in /*) ;; *) DB_DIR=$caller_dir/$DB_DIR ;; esac

for port in "$PG_PORT" "$MYSQL_PORT"; do
  [[ $port =~ ^[0-9]+$ ]] && (( port >= 1024 && port <= 65535 )) \
    || { echo "db.sh: error: port '$port' is not a number from 1024 to 65535" >&2; exit 2; }
done
[[ $PG_PORT != "$MYSQL_PORT" ]] || { echo "db.sh: error: PostgreSQL and MariaDB need different ports" >&2; exit 2; }

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
  export DEBIAN_FRONTEND=noninteractive
  local missing=()
  pg_bin_dir >/dev/null || missing+=(postgresql)
  { mariadb_server_bin && mariadb_install_bin; } >/dev/null || missing+=(mariadb-server)
  if (( ${#missing[@]} == 0 )); then
    log "PostgreSQL and MariaDB binaries are present; nothing to install"
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

  # Durability settings are off: the data is thrown away after the run, and speed matters.
  local options="-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$run"
  options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
  if ! as_pg_user "$bin/pg_ctl" start --pgdata="$data" --log="$logfile" --options="$options" \
      --wait --timeout="$WAIT_SECONDS" --silent; then
    show_log "$logfile"
    die "PostgreSQL did not start on port $PG_PORT within ${WAIT_SECONDS}s"
  fi

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
  mysql_stop "$state"
}

cmd_start() {
  local state
  state=$(state_dir)
  # A previous run's servers hold the data folders about to be wiped.
  pg_stop "$state"
  mysql_stop "$state"
  local port
  for port in "$PG_PORT" "$MYSQL_PORT"; do
    port_in_use "$port" && die "port $port on 127.0.0.1 is taken by another process; set SCHEMATASKS_PG_PORT / SCHEMATASKS_MYSQL_PORT"
  done
  [[ $state == "$DB_DIR" ]] || log "using $state for the server files (PostgreSQL cannot use $DB_DIR or the path is too long)"
  mkdir -p "$state"
  is_root && chmod 755 "$state"
  # A half-started pair is useless and would hold the ports: undo it on any failure.
  started_state=$state
  trap 'stop_started' EXIT
  pg_start "$state"
  mysql_start "$state"
  trap - EXIT
}

stop_started() {
  local status=$?
  pg_stop "$started_state" || true
  mysql_stop "$started_state" || true
  exit "$status"
}

cmd_env() {
  printf 'export SCHEMATASKS_TEST_POSTGRES="Host=127.0.0.1;Port=%s;Username=%s;Password=%s;Database=postgres"\n' \
    "$PG_PORT" "$TEST_USER" "$TEST_PASSWORD"
  printf 'export SCHEMATASKS_TEST_MYSQL="Server=127.0.0.1;Port=%s;User ID=%s;Password=%s;Database=mysql"\n' \
    "$MYSQL_PORT" "$TEST_USER" "$TEST_PASSWORD"
}

case ${1:-} in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  env) cmd_env ;;
  *) printf 'usage: %s install|start|stop|env\n' "$0" >&2; exit 2 ;;
esac
