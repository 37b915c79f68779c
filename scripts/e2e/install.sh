#!/usr/bin/env bash
# Installs what the end-to-end tests need, idempotently, on a Debian machine that can
# reach only the npm and Debian registries (run as root):
#   - Debian: chromium (the browser Playwright drives), libkrb5-dev (code-server's kerberos
#     module compiles from source), ripgrep (stands in for the binary @vscode/ripgrep would
#     fetch from GitHub), git (the fixture workspace gets a baseline commit)
#   - code-server (a real VS Code workbench + Node extension host) into a cache dir outside
#     the repo, because it is 300 MB and has nothing to do with the project's dependencies
#   - playwright-core comes from the repo's devDependencies (`npm ci`); never downloads browsers
# Each step checks for its result first, so a second run takes about a second.
#
# Env: E2E_CACHE (default $HOME/.cache/event-schemas-e2e), CS_VERSION (default 4.100.3, the
#      newest release whose engines.node is 20).
set -euo pipefail

CS_VERSION="${CS_VERSION:-4.100.3}"
E2E_CACHE="${E2E_CACHE:-$HOME/.cache/event-schemas-e2e}"
CS_DIR="$E2E_CACHE/cs-$CS_VERSION"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
T0=$(date +%s)
say() { echo "[e2e-install +$(( $(date +%s) - T0 ))s] $*"; }

# --- Debian packages
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
command -v git >/dev/null 2>&1 || need+=(git)
command -v curl >/dev/null 2>&1 || need+=(curl)
# node-gyp builds code-server's native modules
command -v make >/dev/null 2>&1 && command -v g++ >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1 \
  || need+=(build-essential python3)
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "e2e-install: missing Debian packages: ${need[*]} (run as root, or install them)" >&2
    exit 1
  fi
  say "apt-get install ${need[*]} (chromium takes ~3 min)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  say "Debian packages present"
fi

# --- code-server from npm. Its postinstall runs `npm install` in lib/vscode, which
#     (a) uses npx to fetch node-gyp (npm_config_yes=true answers npx's prompt),
#     (b) builds native modules, and refuses to run as root without unsafe-perm,
#     (c) runs @vscode/ripgrep@1.15.11's postinstall, which downloads from api.github.com
#         unless its cache already holds the asset: seed that cache with Debian's rg.
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ -x "$CS_BIN" ] && "$CS_BIN" --version >/dev/null 2>&1; then
  say "code-server $CS_VERSION present ($CS_BIN)"
else
  if [ "$CS_VERSION" = 4.100.3 ] && [ "$node_major" != 20 ]; then
    echo "e2e-install: code-server $CS_VERSION needs Node 20 (this is Node $node_major); set CS_VERSION" >&2
    exit 1
  fi
  tmp="$(node -p 'require("os").tmpdir()')"
  rg_cache="$tmp/vscode-ripgrep-cache-1.15.11"
  stage="$(mktemp -d)"
  mkdir -p "$rg_cache" && cp "$(command -v rg)" "$stage/rg"
  tar czf "$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$stage" rg
  rm -rf "$stage"
  say "npm install code-server@$CS_VERSION into $CS_DIR (builds native modules, ~2-5 min)"
  rm -rf "$CS_DIR" && mkdir -p "$CS_DIR"
  echo '{"name":"event-schemas-e2e-code-server","private":true}' > "$CS_DIR/package.json"
  log="$E2E_CACHE/cs-install.log"
  if ! (cd "$CS_DIR" && npm_config_yes=true npm_config_unsafe_perm=true \
        npm install --no-audit --no-fund --unsafe-perm "code-server@$CS_VERSION" >"$log" 2>&1 </dev/null); then
    tail -40 "$log" >&2
    echo "e2e-install: code-server install failed; full log: $log" >&2
    exit 1
  fi
  "$CS_BIN" --version >/dev/null || { echo "e2e-install: $CS_BIN does not run" >&2; exit 1; }
  say "code-server $CS_VERSION installed"
fi

# --- playwright-core, a devDependency: present after `npm ci`
if ! (cd "$REPO" && node -e 'require.resolve("playwright-core")' >/dev/null 2>&1); then
  echo "e2e-install: playwright-core is missing from $REPO/node_modules; run \`npm ci\` first" >&2
  exit 1
fi
say "ready: chromium $(chromium --version 2>/dev/null | awk '{print $2}'), code-server $("$CS_BIN" --version 2>/dev/null | head -1 | awk '{print $1}'), playwright-core $(cd "$REPO" && node -p 'require("playwright-core/package.json").version')"
