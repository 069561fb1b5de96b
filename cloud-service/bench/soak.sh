#!/usr/bin/env bash
# A long soak, from outside: kasa-sim terminals sell at a steady pace against `kasa-cloud serve` on
# its embedded PostgreSQL for an hour (issue 24). Every minute it prints the terminals' throughput
# and delivery p50/p99 (kasa-sim's own report), the resident memory of the service's JVM, of its
# PostgreSQL (all its processes) and of the terminals' JVM, and the size of the terminals'
# journals. At the end it compares the last ten minutes with the first ten, and minute 3 onwards
# with minute 3, and writes the table as Markdown for docs/benchmarks.md.
# Needs a built tree (./mvnw -q install -DskipTests), curl.
#   MINUTES=60 TERMINALS=4 THINK=100ms cloud-service/bench/soak.sh
# On a machine shared with other work, SOAK_CPUS=1 runs the soak (the service, its PostgreSQL and
# the terminals) on CPU 1 alone; keep the other work on the other CPUs (e.g. `taskset -a -p 1 PID`
# on the shell that starts it, whose children inherit it).
set -euo pipefail
cd "$(dirname "$0")/../.."
MINUTES=${MINUTES:-60}
TERMINALS=${TERMINALS:-4}
THINK=${THINK:-100ms}
PORT=${PORT:-18092}
SERVICE_HEAP=${SERVICE_HEAP:-1g}
SIM_HEAP=${SIM_HEAP:-512m}
WORK=${WORK:-$(mktemp -d /tmp/kasa-soak.XXXXXX)}
if [ -n "${SOAK_CPUS:-}" ]; then
  taskset -c -p "$SOAK_CPUS" $$ > /dev/null   # every process started from here inherits it
fi
mkdir -p "$WORK"
DATA=$WORK/data
SERVE=
SIMPID=
cleanup() {
  [ -n "$SIMPID" ] && kill "$SIMPID" 2>/dev/null || true
  [ -n "$SERVE" ] && kill "$SERVE" 2>/dev/null && wait "$SERVE" 2>/dev/null || true
}
trap cleanup EXIT
log() { printf '%s %s\n' "$(date +%T)" "$*"; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
# Resident memory of PostgreSQL: the postmaster and every child, proportional set size so that
# shared buffers are counted once.
pg_pss_kb() {
  local pm pids total=0
  pm=$(head -1 "$DATA/pg/postmaster.pid" 2>/dev/null) || { echo 0; return; }
  pids="$pm $(pgrep -P "$pm" | tr '\n' ' ')"
  for p in $pids; do
    total=$((total + $(awk '/^Pss:/ {s += $2} END {print s + 0}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

log "work folder $WORK; $TERMINALS terminals, $THINK between a terminal's sales, $MINUTES minutes"
java -jar cloud-service/target/kasa-cloud.jar admin seed-demo --data "$DATA" > "$WORK/seed.txt"
ORG=$(awk '/^organisation/ {print $2}' "$WORK/seed.txt")
STORE=$(awk '/^store/ {print $2}' "$WORK/seed.txt")
java "-Xmx$SERVICE_HEAP" -jar cloud-service/target/kasa-cloud.jar serve --data "$DATA" --port "$PORT" --payments test \
  > "$WORK/serve.log" 2>&1 &
SERVE=$!
for _ in $(seq 1 600); do
  curl -sf -o /dev/null -m 2 "http://127.0.0.1:$PORT/health" && break
  sleep 0.1
done
CODES=()
for i in $(seq 1 "$TERMINALS"); do
  CODES+=("$(java -jar cloud-service/target/kasa-cloud.jar admin create-terminal --data "$DATA" \
    --org "$ORG" --store "$STORE" --code "K$i" --name "Soak $i" | grep -o 'code [A-Z0-9-]*' | cut -d' ' -f2)")
done
java "-Xmx$SIM_HEAP" -jar cloud-client/target/kasa-sim.jar --service "http://127.0.0.1:$PORT" \
  --terminals "$TERMINALS" --data "$WORK/sim" --code "$(IFS=,; echo "${CODES[*]}")" \
  --duration "${MINUTES}m" --think "$THINK" --card-share 0.3 --report-every 60s \
  --drain-timeout 120s --per-terminal > "$WORK/sim.log" 2>&1 &
SIMPID=$!

# One line a minute: kasa-sim's report, then the memory and the journals' size.
echo "minute sales_per_s p50_ms p99_ms queue service_rss_mb postgres_pss_mb terminals_rss_mb journals_mb" \
  > "$WORK/minutes.txt"
seen=0
while kill -0 "$SIMPID" 2>/dev/null; do
  sleep 2
  lines=$(grep -c '^t=' "$WORK/sim.log" || true)
  while [ "$seen" -lt "$lines" ]; do
    seen=$((seen + 1))
    report=$(grep '^t=' "$WORK/sim.log" | sed -n "${seen}p")
    rate=$(sed -E 's/.* ([0-9.]+) sales\/s.*/\1/' <<< "$report")
    p50=$(sed -E 's/.*p50 ([0-9.-]+).*/\1/' <<< "$report")
    p99=$(sed -E 's/.*p99 ([0-9.-]+).*/\1/' <<< "$report")
    queue=$(sed -E 's/.*queue ([0-9]+).*/\1/' <<< "$report")
    journals=$(du -sm "$WORK/sim" | cut -f1)
    printf '%d %s %s %s %s %d %d %d %d\n' "$seen" "$rate" "$p50" "$p99" "$queue" \
      $(($(rss_kb "$SERVE") / 1024)) $(($(pg_pss_kb) / 1024)) $(($(rss_kb "$SIMPID") / 1024)) \
      "$journals" | tee -a "$WORK/minutes.txt"
  done
done
sim_exit=0
wait "$SIMPID" || sim_exit=$?
SIMPID=
grep -E '^==|^terminal-' "$WORK/sim.log" || true

# The comparisons, and the table for docs/benchmarks.md.
awk -v terminals="$TERMINALS" -v think="$THINK" '
  NR == 1 { next }
  { m = $1; rate[m] = $2; p99[m] = $4; n = m; row[m] = $0 }
  END {
    if (n < 4) { print "too short to compare"; exit 1 }
    k = n >= 20 ? 10 : int(n / 2)
    for (i = 1; i <= k; i++) { first += rate[i]; firstp += p99[i] }
    for (i = n - k + 1; i <= n; i++) { last += rate[i]; lastp += p99[i] }
    printf "first %d minutes %.2f sales/s (mean p99 %.1f ms), last %d minutes %.2f sales/s (mean p99 %.1f ms): %+.1f %%\n",
      k, first / k, firstp / k, k, last / k, lastp / k, 100 * (last - first) / first
    worst = 0
    for (i = 3; i <= n; i++) { d = 100 * (rate[i] - rate[3]) / rate[3]; if (d * d > worst * worst) worst = d }
    printf "minute 3 to minute %d: every minute within %.1f %% of minute 3 (%.2f sales/s)\n", n, (worst < 0 ? -worst : worst), rate[3]
    print ""
    print "| minute | sales/s | delivery p50 | p99 | queue | service RSS | PostgreSQL PSS | terminals RSS | journals |"
    print "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for (i = 1; i <= n; i++) {
      split(row[i], f, " ")
      printf "| %d | %.1f | %s ms | %s ms | %s | %s MB | %s MB | %s MB | %s MB |\n", f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]
    }
  }' "$WORK/minutes.txt" | tee "$WORK/summary.md"
log "kasa-sim exit $sim_exit; minutes in $WORK/minutes.txt, summary in $WORK/summary.md"
rejected=$(grep -Eo 'rejected [0-9]+' "$WORK/sim.log" | awk '{s += $2} END {print s + 0}')
log "sales the service refused: $rejected"
[ "$sim_exit" = 0 ] && [ "$rejected" = 0 ]
