#!/usr/bin/env bash
# Builds and runs every test project against its own Azurite on free loopback ports, then prints
# "N passed, N failed, N skipped" as the last line. Exits non-zero on any failure.
# With CI=true the browser tests are mandatory (a missing Chromium fails them).
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo_root"

ensure_tooling || { say "Could not install the local tooling."; echo "0 passed, 1 failed"; exit 1; }
dotnet restore tools/Bicep --verbosity quiet >&2 || { say "Could not restore the Bicep CLI."; echo "0 passed, 1 failed"; exit 1; }

results="$repo_root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

trap stop_azurite EXIT
export AZURITE_LOG="$results/azurite.log"
queue_port=$(free_port); table_port=$(free_port); blob_port=$(free_port)
start_azurite "$blob_port" "$queue_port" "$table_port" "" || { echo "0 passed, 1 failed"; exit 1; }
export CP_AZURITE_CONNECTION_STRING
CP_AZURITE_CONNECTION_STRING="$(azurite_connection_string "$queue_port" "$table_port")"

dotnet build CommunityPlanning.Bot.sln --configuration Debug --verbosity quiet -nologo >&2
build_status=$?
if [ $build_status -ne 0 ]; then
  say "The build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test CommunityPlanning.Bot.sln --no-build --verbosity quiet -nologo \
  --logger "trx" --results-directory "$results" >&2
test_status=$?

# Sum the counters of every TRX file.
read -r passed failed skipped < <(
  cat "$results"/*.trx 2>/dev/null | tr '\n' ' ' | grep -o '<Counters [^>]*>' | awk '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]);
        if (kv[1] == "passed") p += kv[2]; if (kv[1] == "failed") f += kv[2];
        if (kv[1] == "notExecuted") s += kv[2]; if (kv[1] == "error") f += kv[2]; if (kv[1] == "timeout") f += kv[2]; } }
    END { printf "%d %d %d\n", p, f, s }')

# Stop Azurite now, so the summary below is the last line printed.
stop_azurite
trap - EXIT

if [ "$test_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the runner failed without a counted test failure (a crash): still a failure
fi
# The fuzz suite's summary ("Fuzz: N cases, 0 server errors…") and the fault tests' figures
# ("Reliability: …") are in their test output (TRX); show them.
grep -ho 'Fuzz: [^<]*' "$results"/*.trx 2>/dev/null | sort -u | head -n 3
grep -ho 'Reliability: [^<&]*' "$results"/*.trx 2>/dev/null | sort -u | head -n 12
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$test_status" -eq 0 ]
