#!/usr/bin/env bash
# Storage requests per turn over the shared harness's script, measured by its counting proxy, at low
# concurrency (counts do not depend on load; timings here mean nothing). Lighter than ../shared/bench/compare.sh:
# no SDK, one level. Usage (from the project root): bench/storage-counts/run.sh [OUT_DIR]
# Knobs: CONCURRENCY (1), DURATION_S (6), WARMUP_S (0), TURNS_FILE (the harness's planbot-turns.json).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HARNESS=${HARNESS:-$ROOT/../shared/bench}
source "$ROOT/scripts/lib.sh"
OUT=${1:-${TMPDIR:-/tmp}/cp-storage-counts-$$}
mkdir -p "$OUT"
AZ=$(free_port); PROXY=$(free_port); BOT=$(free_port); CONN_PORT=$(free_port)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
[ -n "${NO_PUBLISH:-}" ] || dotnet publish "$ROOT/src/CommunityPlanning.Bot" -c Release -o "$OUT/bot" --verbosity quiet -nologo >&2
"$ROOT/tooling/node_modules/.bin/azurite-table" --tableHost 127.0.0.1 --tablePort "$AZ" --inMemoryPersistence \
  --silent --disableTelemetry --skipApiVersionCheck >"$OUT/azurite.log" 2>&1 & PIDS+=($!)
PROXY_PORT=$PROXY TARGET_PORT=$AZ node "$HARNESS/storage-proxy.mjs" >"$OUT/proxy.log" 2>&1 & PIDS+=($!)
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$AZ" "$PROXY"; do for _ in $(seq 300); do port_open "$p" && break; sleep 0.1; done; done
CONN="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$PROXY/devstoreaccount1;"
( cd "$OUT/bot" && ASPNETCORE_ENVIRONMENT=Development Storage__ConnectionString="$CONN" \
  Logging__LogLevel__Default=Warning exec dotnet CommunityPlanning.Bot.dll --urls "http://127.0.0.1:$BOT" ) >"$OUT/bot.log" 2>&1 & PIDS+=($!)
TARGET_URL="http://127.0.0.1:$BOT/api/messages" CONNECTOR_PORT=$CONN_PORT TURNS_FILE=${TURNS_FILE:-$HARNESS/planbot-turns.json} \
  CONCURRENCY=${CONCURRENCY:-1} DURATION_S=${DURATION_S:-6} WARMUP_S=${WARMUP_S:-0} BOT_START_MS=$(date +%s%3N) \
  STORAGE_STATS_URL="http://127.0.0.1:$PROXY/__stats" RESULT_JSON="$OUT/result.json" node "$HARNESS/load.mjs" > "$OUT/summary.md"
curl -s "http://127.0.0.1:$PROXY/__stats?log=1" > "$OUT/storage-stats.json" || true
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
for (const s of r.storageTrace || []) { console.log(`step ${s.step}: ${s.requests.length} requests`); for (const q of s.requests) console.log("   " + q); }
for (const p of r.phases) console.log(`C=${p.concurrency}: ${p.ok} turns, ${p.errorCount} errors, reads/turn ${p.storage?.perTurnReads?.toFixed(2)}, writes/turn ${p.storage?.perTurnWrites?.toFixed(2)}`);
' "$OUT/result.json"
