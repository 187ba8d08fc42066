#!/usr/bin/env bash
# make bench: the engine and emulator benchmarks, the single-core engine
# figure (-cpu 1), then 10,000 orders through the whole flow; at the end each
# figure the README quotes is printed next to its target.
#
# Environment: GO (default go), BENCHTIME for the micro benchmarks
# (default 1s), ORDERS for the flow (default 10000).
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
BENCHTIME=${BENCHTIME:-1s}
ORDERS=${ORDERS:-10000}
out=$(mktemp)
trap 'rm -f "$out"' EXIT

echo "== single-core engine figure (-cpu 1)"
$GO test -run '^$' -bench '^BenchmarkPassChoice$' -benchmem -cpu 1 -benchtime "$BENCHTIME" ./localaws/asl/ | tee -a "$out"

echo "== engine and emulator benchmarks"
# shellcheck disable=SC2046 # the package list is meant to split
$GO test -run '^$' -bench . -benchmem -benchtime "$BENCHTIME" \
	$($GO list ./localaws/... ./internal/... | grep -v /internal/e2e) | grep -v '^BenchmarkPassChoice-' | tee -a "$out"

echo "== the whole flow, $ORDERS orders"
$GO test -run '^$' -bench . -benchmem -benchtime "${ORDERS}x" ./internal/e2e/ | tee -a "$out"

echo "== the whole flow again at Go's default collector target (GOGC=100; cmd/local sets 400)"
GOGC=100 $GO test -run '^$' -bench '^BenchmarkFlow$' -benchtime "${ORDERS}x" ./internal/e2e/ |
	sed 's/^BenchmarkFlow-/BenchmarkFlowGOGC100-/' | tee -a "$out"

# figure NAME UNIT: the value the benchmark NAME (without its -N suffix)
# reported in UNIT, or "n/a".
figure() {
	awk -v name="$1" -v unit="$2" '
		$1 ~ /^Benchmark/ {
			n = $1; sub(/-[0-9]+$/, "", n)
			if (n != name) next
			for (i = 3; i < NF; i += 2) if ($(i + 1) == unit) { v = $i }
		}
		END { if (v == "") print "n/a"; else printf "%s\n", v }' "$out"
}

row() { printf '  %-58s %-34s %s\n' "$1" "$2" "$3"; }
echo
echo "== figures and their targets ($(nproc) CPUs, $($GO version | cut -d' ' -f3), $(date -u +%Y-%m-%d))"
row "what" "target" "measured"
row "whole flow, orders/s" ">= 1,000 orders/s, nothing lost" "$(figure BenchmarkFlow orders/s) orders/s, last notification after $(figure BenchmarkFlow s-to-last-notification) s"
row "whole flow at GOGC=100 (Go's default)" "(none; for comparison)" "$(figure BenchmarkFlowGOGC100 orders/s) orders/s"
row "POST /orders latency during the flow" "p99 < 10 ms" "p50 $(figure BenchmarkFlow p50-post-ms) ms, p99 $(figure BenchmarkFlow p99-post-ms) ms"
row "local stack start (in process / child process)" "< 200 ms" "$(figure BenchmarkStartup startup-ms) ms / $(figure BenchmarkIdleMemory child-startup-ms) ms"
row "local stack idle memory" "< 50 MB" "$(figure BenchmarkIdleMemory idle-rss-MB) MB resident"
row "Pass/Choice workflow on the engine, one core (-cpu 1)" ">= 50,000 executions/s" "$(figure BenchmarkPassChoice executions/s) executions/s ($(figure BenchmarkPassChoice executions/cpu-s) per CPU-second)"
row "executions parked on .waitForTaskToken" "100,000 in < 500 MB" "$(figure BenchmarkWaitingCallbacks/waiting=100000 MiB-held) MiB for 100,000 ($(figure BenchmarkWaitingCallbacks/waiting=100000 B/waiting-execution) B each)"
row "SendTaskSuccess with 1,000 / 50,000 waiting" "independent of the number waiting" "$(figure BenchmarkSendTaskSuccess/waiting=1000 ns/op) ns / $(figure BenchmarkSendTaskSuccess/waiting=50000 ns/op) ns"
row "SQS send+receive+delete, real SDK over loopback" "(none)" "$(figure BenchmarkSDKSendReceiveDelete msgs/s) messages/s"
