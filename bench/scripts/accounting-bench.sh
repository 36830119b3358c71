#!/usr/bin/env bash
# Accounting throughput against a local FreeRADIUS of its own (docs/benchmarks-accounting.md):
#   1. FreeRADIUS's own ceiling: radclient, no durability, RUNS x REQUESTS Accounting-Requests, 256 in flight;
#   2. OpenVRRS through the real registry: AccountingBenchmark ... registry GROUPS WAVES RUNS;
#   3. OpenVRRS called one transition at a time (one flush per record), the backlog and the callback latency:
#      AccountingBenchmark ... 32 50 RUNS.
# Usage: bench/scripts/accounting-bench.sh [GROUPS=1000] [WAVES=6] [RUNS=5] [REQUESTS=10000]
# Needs: freeradius, radclient (freeradius-utils), bench/target/benchmarks.jar (mvn -pl bench -am package -DskipTests).
set -euo pipefail
GROUPS_N=${1:-1000}
WAVES=${2:-6}
RUNS=${3:-5}
REQUESTS=${4:-10000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR="${ROOT:?}/bench/target/benchmarks.jar"
[ -f "$JAR" ] || { echo "build first: mvn -q -pl bench -am package -DskipTests" >&2; exit 2; }
WORK=$(mktemp -d /tmp/openvrrs-acct-bench.XXXXXX)
SECRET="bench-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
PORT=$(( 20000 + RANDOM % 20000 ))
RADIUSD_PID=""
cleanup() {
  if [ -n "$RADIUSD_PID" ]; then kill "$RADIUSD_PID" 2>/dev/null || true; wait "$RADIUSD_PID" 2>/dev/null || true; fi
  rm -rf "${WORK:?}"
}
trap cleanup EXIT
mkdir -p "${WORK:?}/log" "${WORK:?}/run" "${WORK:?}/acct"
{
  echo "prefix = /usr"; echo "exec_prefix = /usr"; echo "sysconfdir = /etc"; echo "localstatedir = /var"
  echo "sbindir = /usr/sbin"; echo "logdir = $WORK/log"; echo "raddbdir = $WORK"; echo "radacctdir = $WORK/acct"
  echo "name = freeradius"; echo "confdir = $WORK"; echo "run_dir = $WORK/run"; echo "libdir = /usr/lib/freeradius"
  echo "pidfile = $WORK/run/radiusd.pid"; echo "max_request_time = 30"; echo "cleanup_delay = 2"
  echo "max_requests = 65536"; echo "hostname_lookups = no"
  echo "log {"; echo "  destination = stdout"; echo "}"
  echo "security {"; echo "  allow_core_dumps = no"; echo "}"
  echo "client local {"; echo "  ipaddr = 127.0.0.1"; echo "  secret = $SECRET"; echo "}"
  echo "modules {"; echo "  detail {"; echo "    filename = $WORK/acct/detail"; echo "    permissions = 0600"
  echo "    locking = no"; echo "  }"; echo "}"
  echo "server default {"; echo "  listen {"; echo "    type = acct"; echo "    ipaddr = 127.0.0.1"
  echo "    port = $PORT"; echo "  }"; echo "  accounting {"; echo "    detail"; echo "  }"; echo "}"
} > "$WORK/radiusd.conf"
freeradius -f -l stdout -d "$WORK" > "$WORK/log/stdout.log" 2>&1 &
RADIUSD_PID=$!
for _ in $(seq 1 200); do
  if grep -q "Ready to process requests" "$WORK/log/radius.log" "$WORK/log/stdout.log" 2>/dev/null; then break; fi
  sleep 0.1
done
echo "== $(date -u '+%Y-%m-%d %H:%M:%S') UTC, load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs, FreeRADIUS on 127.0.0.1:$PORT"
for i in $(seq 1 "$REQUESTS"); do
  printf 'Acct-Status-Type = Accounting-On\nNAS-IP-Address = 192.0.2.2\nAcct-Session-Id = "B-%s"\nCisco-AVPair = "vrrs=BENCH-%s"\n\n' "$i" "$i"
done > "$WORK/requests.txt"
for run in $(seq 1 "$RUNS"); do
  start=$(date +%s.%N)
  timeout 120 radclient -q -p 256 -r 3 -t 2 -f "$WORK/requests.txt" "127.0.0.1:$PORT" acct "$SECRET" || echo "radclient: some requests failed"
  end=$(date +%s.%N)
  awk -v r="$run" -v n="$REQUESTS" -v s="$start" -v e="$end" \
    'BEGIN { printf "radclient run %d: %d requests in %.3f s = %.0f requests/s (no durability)\n", r, n, e - s, n / (e - s) }'
done
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$JAR" org.openvrrs.plugin.accounting.AccountingBenchmark \
  "$PORT" "$SECRET" registry "$GROUPS_N" "$WAVES" "$RUNS"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$JAR" org.openvrrs.plugin.accounting.AccountingBenchmark \
  "$PORT" "$SECRET" 32 50 "$RUNS"
echo "detail file: $(grep -c 'Acct-Status-Type' "$WORK/acct/detail" || true) records written by FreeRADIUS in all"
