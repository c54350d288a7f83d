#!/usr/bin/env bash
# Shared helpers for scripts/run.sh and scripts/test.sh. Sourced, not run.

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say() { printf '%s\n' "$*" >&2; }

# Installs the pinned local tooling (Azurite, Teams schemas, Web Chat) when it is missing or stale.
ensure_tooling() {
  local dir="$repo_root/tooling"
  if [ ! -x "$dir/node_modules/.bin/azurite" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "Installing local tooling (Azurite and friends) into tooling/node_modules…"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) >&2
  fi
  ensure_webchat
  ensure_adaptivecards
}

# Microsoft's Web Chat browser bundle for the playground: only the package's tarball, not its ~490 MB of
# dependencies. Pinned by version; npm checks the tarball's integrity.
webchat_version="4.18.1"
ensure_webchat() {
  local target="$repo_root/tooling/webchat"
  if [ -f "$target/webchat-$webchat_version.js" ]; then
    return 0
  fi
  say "Fetching the Web Chat bundle (botframework-webchat@$webchat_version)…"
  local tmp
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack "botframework-webchat@$webchat_version" --silent >/dev/null && tar -xzf botframework-webchat-*.tgz package/dist/webchat.js)
  mkdir -p "$target"
  cp "$tmp/package/dist/webchat.js" "$target/webchat-$webchat_version.js"
  rm -rf "$tmp"
}

# A free TCP port on loopback.
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Waits until something listens on 127.0.0.1:$1 (up to 30 s).
wait_for_port() {
  node -e '
    const net=require("net"); const port=+process.argv[1]; const end=Date.now()+30000;
    (function tryIt(){ const s=net.connect(port,"127.0.0.1",()=>{s.end();process.exit(0)});
      s.on("error",()=>{ if(Date.now()>end){process.exit(1)} setTimeout(tryIt,100) }) })();' "$1"
}

# Starts Azurite on the given ports; sets azurite_pid. Data goes in $4 (a folder) or memory when empty.
# Its messages go to $AZURITE_LOG when set, else to stderr.
start_azurite() {
  local blob=$1 queue=$2 table=$3 location=${4:-}
  local persistence=(--inMemoryPersistence)
  if [ -n "$location" ]; then
    mkdir -p "$location"
    persistence=(--location "$location")
  fi
  "$repo_root/tooling/node_modules/.bin/azurite" \
    --blobHost 127.0.0.1 --blobPort "$blob" \
    --queueHost 127.0.0.1 --queuePort "$queue" \
    --tableHost 127.0.0.1 --tablePort "$table" \
    "${persistence[@]}" --silent --disableTelemetry --skipApiVersionCheck --loose >>"${AZURITE_LOG:-/dev/stderr}" 2>&1 &
  azurite_pid=$!
  if ! wait_for_port "$table" || ! wait_for_port "$queue"; then
    say "Azurite did not start on ports $queue/$table."
    return 1
  fi
}

stop_azurite() {
  if [ -n "${azurite_pid:-}" ] && kill -0 "$azurite_pid" 2>/dev/null; then
    kill "$azurite_pid" 2>/dev/null || true
    wait "$azurite_pid" 2>/dev/null || true
  fi
}

azurite_connection_string() {
  local queue=$1 table=$2
  printf 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:%s/devstoreaccount1;QueueEndpoint=http://127.0.0.1:%s/devstoreaccount1;' "$table" "$queue"
}

# The Adaptive Cards renderer Web Chat 4.18.1 bundles (adaptivecards@3.0.6), for the playground's card
# gallery: only the package's minified browser build, from its tarball.
adaptivecards_version="3.0.6"
ensure_adaptivecards() {
  local target="$repo_root/tooling/adaptivecards"
  if [ -f "$target/adaptivecards-$adaptivecards_version.min.js" ]; then
    return 0
  fi
  say "Fetching the Adaptive Cards renderer (adaptivecards@$adaptivecards_version)…"
  local tmp
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack "adaptivecards@$adaptivecards_version" --silent >/dev/null && tar -xzf adaptivecards-*.tgz package/dist/adaptivecards.min.js)
  mkdir -p "$target"
  cp "$tmp/package/dist/adaptivecards.min.js" "$target/adaptivecards-$adaptivecards_version.min.js"
  rm -rf "$tmp"
}
