#!/usr/bin/env bash
# The service's load benchmark beside its physical yardstick, on one PostgreSQL in one run:
#   1. a throwaway PostgreSQL 15 cluster (the machine image's server) on port 54329;
#   2. pgbench -N (TPC-B without branch/teller updates) at the same concurrency;
#   3. N simulated terminals submitting sales to the service on that database, then the same
#      terminals against an endpoint that only parses the sale (the HTTP floor);
#   4. the sale's write alone, sent by pgbench with no service: one, then eight per statement.
# Needs root (PostgreSQL runs as the postgres user) and a built tree (./mvnw install -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/../.."
TERMINALS=${TERMINALS:-32}
SECONDS_RUN=${SECONDS_RUN:-20}
PG=/usr/lib/postgresql/15/bin
PGDATA=$(mktemp -d /tmp/kasa-bench-pg.XXXXXX)
chown postgres "$PGDATA"; chmod 700 "$PGDATA"
trap 'runuser -u postgres -- "$PG/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true; rm -rf "$PGDATA"' EXIT
runuser -u postgres -- "$PG/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$PG/pg_ctl" -D "$PGDATA" -w -l "$PGDATA/log" \
  -o "-p 54329 -k $PGDATA -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
runuser -u postgres -- psql -h 127.0.0.1 -p 54329 -U postgres -qc "create database kasa" -c "create database pgbench" >/dev/null
runuser -u postgres -- pgbench -h 127.0.0.1 -p 54329 -U postgres -i -q pgbench >/dev/null 2>&1
# Each measured window starts right after a checkpoint (the Kasa bench checkpoints after its warm-up).
runuser -u postgres -- psql -h 127.0.0.1 -p 54329 -U postgres -qc "checkpoint" >/dev/null
echo "== pgbench -N -c $TERMINALS -j 2 -T $SECONDS_RUN"
runuser -u postgres -- pgbench -h 127.0.0.1 -p 54329 -U postgres -N -c "$TERMINALS" -j 2 -T "$SECONDS_RUN" pgbench 2>/dev/null \
  | grep -E "^tps|latency average"
# pgbench leaves dead rows and dirty pages behind: clean them up now rather than have autovacuum
# and the checkpointer do it during the Kasa phase.
runuser -u postgres -- psql -h 127.0.0.1 -p 54329 -U postgres -qd pgbench -c "vacuum" -c "checkpoint" >/dev/null
echo "== Kasa sales, $TERMINALS terminals"
./mvnw -q -pl cloud-service exec:exec@bench-load -Dbench.terminals="$TERMINALS" -Dbench.seconds="$SECONDS_RUN" > "$PGDATA/kasa.log" 2>&1 || { grep -v "^\s*at " "$PGDATA/kasa.log" | grep -m5 -iE "exception|error"; exit 1; }
grep -aoE "warm-up.*|terminals [0-9]+.*failures [0-9]+|cpu per sale.*|http floor.*" "$PGDATA/kasa.log"
# The sale's write alone, as pgbench's own script on the database the service just filled: what
# PostgreSQL can do with a sale's rows with no service in front of it, one or eight per statement.
for n in 1 8; do
  runuser -u postgres -- psql -h 127.0.0.1 -p 54329 -U postgres -d kasa -At -v n=$n \
    -f cloud-service/bench/write-alone.sql > "$PGDATA/write-$n.sql"
  echo "== the sale's write alone (pgbench -f, no service), $n sale(s) per statement"
  runuser -u postgres -- pgbench -h 127.0.0.1 -p 54329 -U postgres -n -M prepared -c "$TERMINALS" -j 2 \
    -T "$SECONDS_RUN" -f "$PGDATA/write-$n.sql" kasa 2>/dev/null \
    | awk -v n=$n '/^tps/ { printf "%.0f sales/s\n", $3 * n }'
done
# The same Kasa phase on the service's own embedded PostgreSQL 17 (durable settings, ADR 0017)
# instead of the machine's PostgreSQL 15: EMBEDDED=1.
if [ "${EMBEDDED:-0}" = 1 ]; then
  echo "== Kasa sales on the embedded PostgreSQL, $TERMINALS terminals"
  ./mvnw -q -pl cloud-service exec:exec@bench-load -Dbench.url=embedded -Dbench.terminals="$TERMINALS" -Dbench.seconds="$SECONDS_RUN" > "$PGDATA/kasa-embedded.log" 2>&1 || { grep -v "^\s*at " "$PGDATA/kasa-embedded.log" | grep -m5 -iE "exception|error"; exit 1; }
  grep -aoE "terminals [0-9]+.*failures [0-9]+|cpu per sale.*" "$PGDATA/kasa-embedded.log"
fi
