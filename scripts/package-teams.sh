#!/usr/bin/env bash
# Builds the Teams app package (a zip to upload in the Teams admin centre or to sideload).
#
#   scripts/package-teams.sh <botId> <domain> [outputDir]
#
#   botId      the bot's Microsoft App ID: the client id of the bot's managed identity
#              (output `botId` of infra/main.bicep), a GUID.
#   domain     the host name the bot is served from, e.g. cpbot-app.azurewebsites.net
#              (output `webAppHostName`), without https:// or a path.
#   outputDir  optional; defaults to $TEAMS_PACKAGE_OUTPUT or artifacts/teams.
#
# Writes <outputDir>/CommunityPlanning.Bot.zip with manifest.json, color.png and outline.png at its root.
set -euo pipefail

usage() {
  echo "Usage: scripts/package-teams.sh <botId> <domain> [outputDir]" >&2
  echo "  e.g. scripts/package-teams.sh 00000000-0000-0000-0000-000000000000 cpbot-app.azurewebsites.net" >&2
}

fail() {
  echo "package-teams: $1" >&2
  exit 2
}

if [[ $# -lt 2 || $# -gt 3 ]]; then
  usage
  exit 2
fi

bot_id="$1"
domain="$2"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
output_dir="${3:-${TEAMS_PACKAGE_OUTPUT:-$repo_root/artifacts/teams}}"
source_dir="$repo_root/manifest/teams"

guid_pattern='^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$'
if [[ ! "$bot_id" =~ $guid_pattern ]]; then
  fail "the bot id '$bot_id' is not a GUID. Use the botId output of the Azure deployment, like 00000000-0000-0000-0000-000000000000."
fi

if [[ "$domain" == *://* || "$domain" == */* ]]; then
  fail "give the domain as a host name only, without https:// or a path (for example cpbot-app.azurewebsites.net), not '$domain'."
fi
host_pattern='^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$'
if [[ ${#domain} -gt 253 || ! "$domain" =~ $host_pattern ]]; then
  fail "'$domain' is not a host name. Use the webAppHostName output of the Azure deployment, like cpbot-app.azurewebsites.net."
fi

for file in manifest.json color.png outline.png; do
  [[ -f "$source_dir/$file" ]] || fail "missing $source_dir/$file."
done

bot_id="$(echo "$bot_id" | tr '[:upper:]' '[:lower:]')"
domain="$(echo "$domain" | tr '[:upper:]' '[:lower:]')"
mkdir -p "$output_dir"
package="$(cd "$output_dir" && pwd)/CommunityPlanning.Bot.zip"

# A small C# file fills the placeholders and writes the zip: only the .NET SDK is needed.
dotnet run "$repo_root/scripts/package-teams.cs" -- "$source_dir" "$package" "$bot_id" "$domain"

echo "Teams app package written to $package"
echo "Upload it in the Teams admin centre (Teams apps > Manage apps > Upload new app)."
