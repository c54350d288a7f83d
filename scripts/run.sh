#!/usr/bin/env bash
# Runs the bot on your machine: Azurite (local Table and Queue storage) and the bot on
# http://localhost:3978 in Development, with the playground at that address. Ctrl-C stops both.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo_root"

ensure_tooling

blob_port=${AZURITE_BLOB_PORT:-10000}
queue_port=${AZURITE_QUEUE_PORT:-10001}
table_port=${AZURITE_TABLE_PORT:-10002}
if (echo >"/dev/tcp/127.0.0.1/$table_port") 2>/dev/null; then
  say "Something is already using port $table_port. Stop it (another run.sh?) or set AZURITE_TABLE_PORT."
  exit 1
fi

stop_bot() {
  if [ -n "${bot_pid:-}" ] && kill -0 "$bot_pid" 2>/dev/null; then
    kill "$bot_pid" 2>/dev/null || true
    wait "$bot_pid" 2>/dev/null || true
  fi
}
trap 'stop_bot; stop_azurite' EXIT
trap 'exit 130' INT TERM
start_azurite "$blob_port" "$queue_port" "$table_port" "$repo_root/.local/azurite"
say "Azurite is running (data in .local/azurite)."

export ASPNETCORE_ENVIRONMENT=Development
export Storage__ConnectionString
Storage__ConnectionString="$(azurite_connection_string "$queue_port" "$table_port")"
say "Building the bot…"
dotnet build src/CommunityPlanning.Bot --verbosity quiet -nologo >&2
say "Starting the bot on http://localhost:3978 — open it in your browser. Ctrl-C stops everything."
# The app runs as our own child (not under `dotnet run`), so Ctrl-C here reliably stops it too.
(cd src/CommunityPlanning.Bot && exec dotnet bin/Debug/net10.0/CommunityPlanning.Bot.dll --urls http://localhost:3978) &
bot_pid=$!
wait "$bot_pid"
