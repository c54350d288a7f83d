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

trap stop_azurite EXIT
trap 'exit 130' INT TERM
start_azurite "$blob_port" "$queue_port" "$table_port" "$repo_root/.local/azurite"
say "Azurite is running (data in .local/azurite)."

export ASPNETCORE_ENVIRONMENT=Development
export Storage__ConnectionString
Storage__ConnectionString="$(azurite_connection_string "$queue_port" "$table_port")"
say "Starting the bot on http://localhost:3978 — open it in your browser. Ctrl-C stops everything."
dotnet run --project src/CommunityPlanning.Bot -- --urls http://localhost:3978
