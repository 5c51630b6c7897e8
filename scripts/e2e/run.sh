#!/usr/bin/env bash
# npm run e2e — govreport in real editors: installs the stack (install.sh), packages the extension, serves it in
# code-server (VS Code 1.139) driven by Chromium through playwright-core, and runs Neovim against the language server.
# Ends with one line "N passed, N failed"; exits non-zero on any failure. Screenshots go to test-results/e2e/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/scripts/e2e/stack.sh"
RESULTS="$ROOT/test-results/e2e"
STATE=$(mktemp -d "${TMPDIR:-/tmp}/govreport-e2e.XXXXXX") # code-server, Chromium and Neovim state; removed at the end
code_server_group="" tests_group="" summary_printed=""
started=$SECONDS
say() { echo "[e2e $((SECONDS - started))s] $*"; }

# Stops a process group we started (by its id), politely first.
stop_group() {
  kill -TERM -- "-$1" 2>/dev/null || return 0
  for _ in $(seq 1 20); do kill -0 -- "-$1" 2>/dev/null || return 0; sleep 0.25; done
  kill -KILL -- "-$1" 2>/dev/null || true
}
finish() {
  local status=$?
  [ -n "$tests_group" ] && stop_group "$tests_group"
  [ -n "$code_server_group" ] && stop_group "$code_server_group"
  if [ "$status" != 0 ]; then # keep the logs (ours, code-server's and its extension host's) with the screenshots
    cp -r "$STATE/logs" "$RESULTS/" 2>/dev/null || true
    cp -r "$STATE/code-server/logs" "$RESULTS/logs/code-server" 2>/dev/null || true
  fi
  rm -rf "$STATE"
  if [ -z "$summary_printed" ]; then
    echo "e2e stopped before the tests ran to the end (exit $status); logs in $RESULTS/logs" >&2
    echo "0 passed, 1 failed"
  fi
  exit "$status"
}
trap finish EXIT
trap 'exit 130' INT TERM

rm -rf "$RESULTS" && mkdir -p "$RESULTS" "$STATE/logs"
bash "$ROOT/scripts/e2e/install.sh"
say "install done"

# Everything below keeps its state in $STATE, not in $HOME.
export XDG_CONFIG_HOME="$STATE/xdg/config" XDG_DATA_HOME="$STATE/xdg/data" XDG_CACHE_HOME="$STATE/xdg/cache" \
  XDG_STATE_HOME="$STATE/xdg/state" TMPDIR="$STATE/tmp"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME" "$TMPDIR"

VSIX="$STATE/govreport.vsix"
(cd "$ROOT" && npm run -s package -- --out "$VSIX") >"$STATE/logs/package.log" 2>&1 \
  || { tail -30 "$STATE/logs/package.log" >&2; exit 1; }
say "packaged $(basename "$VSIX") ($(du -k "$VSIX" | cut -f1) KiB)"

WORKSPACE="$STATE/workspace"
cp -r "$ROOT/test/e2e/workspace" "$WORKSPACE"
mkdir -p "$STATE/code-server/User" "$STATE/extensions"
cat >"$STATE/code-server/User/settings.json" <<'EOF'
{
  "telemetry.telemetryLevel": "off", "update.mode": "none", "workbench.startupEditor": "none",
  "extensions.autoCheckUpdates": false, "extensions.autoUpdate": false, "extensions.ignoreRecommendations": true,
  "workbench.tips.enabled": false, "workbench.enableExperiments": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden", "security.workspace.trust.enabled": false,
  "chat.disableAIFeatures": true, "git.enabled": false, "editor.minimap.enabled": false
}
EOF
printf 'auth: none\ncert: false\n' >"$STATE/code-server/config.yaml"
code_server=(env PATH="$NODE24_HOME/bin:$PATH" "$CODE_SERVER_BIN" --config "$STATE/code-server/config.yaml"
  --user-data-dir "$STATE/code-server" --extensions-dir "$STATE/extensions")
"${code_server[@]}" --install-extension "$VSIX" >"$STATE/logs/install-extension.log" 2>&1 \
  || { cat "$STATE/logs/install-extension.log" >&2; exit 1; }

PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
setsid "${code_server[@]}" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override --disable-proxy "$WORKSPACE" \
  >"$STATE/logs/code-server.log" 2>&1 &
code_server_group=$!
healthy() { node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "http://127.0.0.1:$PORT/healthz"; }
for _ in $(seq 1 120); do
  kill -0 "$code_server_group" 2>/dev/null || { cat "$STATE/logs/code-server.log" >&2; echo "code-server exited" >&2; exit 1; }
  healthy && break
  sleep 0.25
done
healthy && kill -0 "$code_server_group" 2>/dev/null || { echo "code-server did not answer on port $PORT" >&2; exit 1; }
say "code-server $CODE_SERVER_VERSION on 127.0.0.1:$PORT"

# The tests run in their own process group, so Chromium, Neovim and the servers they start stop with it.
export GOVREPORT_E2E_URL="http://127.0.0.1:$PORT" GOVREPORT_E2E_WORKSPACE="$WORKSPACE" GOVREPORT_E2E_RESULTS="$RESULTS" \
  GOVREPORT_E2E_SERVER="$ROOT/dist/server.js" GOVREPORT_E2E_CHROMIUM="$(command -v chromium)" \
  GOVREPORT_E2E_VSIX="$VSIX" GOVREPORT_E2E_CODE_SERVER="$CODE_SERVER_BIN" GOVREPORT_E2E_NODE24_BIN="$NODE24_HOME/bin"
cd "$ROOT"
set +e
setsid node --import tsx --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$STATE/results.tap" \
  test/e2e/*.test.ts &
tests_group=$!
wait "$tests_group"
tests_status=$?
tests_group=""
set -e
count() { awk -v key="# $1" '$1" "$2 == key {n += $3} END {print n + 0}' "$STATE/results.tap" 2>/dev/null || echo 0; }
passed=$(count pass)
failed=$(($(count fail) + $(count cancelled)))
if [ "$tests_status" != 0 ] && [ "$failed" = 0 ]; then failed=1; fi # the runner itself failed
say "tests done; screenshots in ${RESULTS#"$ROOT"/}/"
summary_printed=1
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
