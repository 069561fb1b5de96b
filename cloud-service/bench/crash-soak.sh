#!/usr/bin/env bash
# Crashes, from outside, under load: kasa-sim terminals sell against `kasa-cloud serve` on its
# embedded PostgreSQL while this script kills, at random moments, the service's JVM, its
# postmaster and single backends (ROUNDS times each, in random order), restarting only what does
# not come back by itself. At the end every sale a terminal holds as acknowledged must be on the
# service exactly once, and each terminal's receipt numbers must run without a gap.
# Needs a built tree (./mvnw -q install -DskipTests), curl, psql and sqlite3.
#   ROUNDS=5 TERMINALS=4 cloud-service/bench/crash-soak.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-5}
TERMINALS=${TERMINALS:-4}
PORT=${PORT:-18091}
WORK=$(mktemp -d /tmp/kasa-crash.XXXXXX)
DATA=$WORK/data
CLOUD=(java -jar cloud-service/target/kasa-cloud.jar)
SIM=(java -jar cloud-client/target/kasa-sim.jar)
SERVE=
SIMPID=
cleanup() {
  [ -n "$SIMPID" ] && kill -9 "$SIMPID" 2>/dev/null || true
  [ -n "$SERVE" ] && kill "$SERVE" 2>/dev/null && wait "$SERVE" 2>/dev/null || true
}
trap cleanup EXIT
log() { printf '%s %s\n' "$(date +%T)" "$*"; }

healthy() { curl -sf -o /dev/null -m 2 "http://127.0.0.1:$PORT/health"; }

starts=0
first_try_failures=0
# Starts serve once and waits for it to answer; a start that fails is counted, never retried.
start_serve() {
  starts=$((starts + 1))
  "${CLOUD[@]}" serve --data "$DATA" --port "$PORT" --payments test > "$WORK/serve-$starts.log" 2>&1 &
  SERVE=$!
  for _ in $(seq 1 600); do
    if healthy; then return 0; fi
    if ! kill -0 "$SERVE" 2>/dev/null; then
      first_try_failures=$((first_try_failures + 1))
      log "serve start $starts FAILED:"; tail -5 "$WORK/serve-$starts.log"
      return 1
    fi
    sleep 0.1
  done
  log "serve start $starts did not answer within 60 s"; return 1
}

# Waits until the service answers /health again on its own (after a database crash).
wait_healthy() {
  for _ in $(seq 1 300); do
    if healthy; then return 0; fi
    sleep 0.1
  done
  log "the service did not come back by itself within 30 s"; return 1
}

psql_kasa() {
  local port
  port=$(sed -n 4p "$DATA/pg/postmaster.pid")
  PGPASSWORD=$(cat "$DATA/pg.password") psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -AtX -c "$1"
}

log "work folder $WORK"
"${CLOUD[@]}" admin seed-demo --data "$DATA" > "$WORK/seed.txt"
ORG=$(awk '/^organisation/ {print $2}' "$WORK/seed.txt")
STORE=$(awk '/^store/ {print $2}' "$WORK/seed.txt")
start_serve
CODES=()
for i in $(seq 1 "$TERMINALS"); do
  CODES+=("$("${CLOUD[@]}" admin create-terminal --data "$DATA" --org "$ORG" --store "$STORE" \
    --code "S$i" --name "Soak $i" | grep -o 'code [A-Z0-9-]*' | cut -d' ' -f2)")
done
KILLS=$((3 * ROUNDS))
DURATION=$((KILLS * 8 + 10))
"${SIM[@]}" --service "http://127.0.0.1:$PORT" --terminals "$TERMINALS" --data "$WORK/sim" \
  --code "$(IFS=,; echo "${CODES[*]}")" --duration "${DURATION}s" --think 20ms --card-share 0.3 \
  --report-every 5s --drain-timeout 120s --per-terminal > "$WORK/sim.log" 2>&1 &
SIMPID=$!
sleep 5

mapfile -t PLAN < <(for k in jvm postmaster backend; do for _ in $(seq 1 "$ROUNDS"); do echo $k; done; done | shuf)
for kind in "${PLAN[@]}"; do
  sleep "$(shuf -i 2-5 -n 1).$(shuf -i 0-9 -n 1)"
  case $kind in
    jvm)
      log "kill -9 of the service's JVM ($SERVE)"
      kill -9 "$SERVE"; wait "$SERVE" 2>/dev/null || true
      start_serve && log "  serve started again on the first try"
      ;;
    postmaster)
      pm=$(head -1 "$DATA/pg/postmaster.pid")
      log "kill -9 of the postmaster ($pm)"
      kill -9 "$pm"
      sleep 0.5
      wait_healthy && log "  the service answers again (its postmaster was started again)"
      ;;
    backend)
      be=$(psql_kasa "select pid from pg_stat_activity where backend_type = 'client backend'
        and pid <> pg_backend_pid() and application_name not like 'kasa-%' order by random() limit 1")
      log "kill -9 of backend $be"
      [ -n "$be" ] && kill -9 "$be"
      sleep 0.5
      wait_healthy && log "  the service answers again"
      ;;
  esac
done

log "waiting for the terminals to finish and drain"
sim_exit=0
wait "$SIMPID" || sim_exit=$?
SIMPID=
grep -E "^==|^terminal-" "$WORK/sim.log" || true

# What the terminals hold as acknowledged, against what the service recorded.
: > "$WORK/acknowledged.txt"
for db in "$WORK"/sim/terminal-*/kasa.db; do
  sqlite3 "$db" "select id from outbox where kind = 'SALE' and state = 'ACKNOWLEDGED'" >> "$WORK/acknowledged.txt"
done
psql_kasa "select id from sale" | sort > "$WORK/recorded.txt"
sort -o "$WORK/acknowledged.txt" "$WORK/acknowledged.txt"
acknowledged=$(wc -l < "$WORK/acknowledged.txt")
missing=$(comm -23 "$WORK/acknowledged.txt" "$WORK/recorded.txt" | wc -l)
duplicated=$(psql_kasa "select count(*) from (select receipt_number from sale group by 1 having count(*) > 1) d")
gaps=$(psql_kasa "select coalesce(sum(top - n), 0) from (select split_part(receipt_number, '-', 2) t,
  max(split_part(receipt_number, '-', 3)::int) top, count(*) n from sale group by 1) g")
echo "== $KILLS kills ($ROUNDS each of the JVM, the postmaster, a backend), $starts starts of serve"
echo "acknowledged on the terminals $acknowledged, missing on the service $missing,"\
  "receipt numbers twice $duplicated, receipt numbers missing $gaps,"\
  "failed first starts $first_try_failures, kasa-sim exit $sim_exit"
[ "$missing" = 0 ] && [ "$duplicated" = 0 ] && [ "$gaps" = 0 ] && [ "$first_try_failures" = 0 ] \
  && [ "$sim_exit" = 0 ]
