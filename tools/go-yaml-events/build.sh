#!/usr/bin/env bash
# Builds go-yaml-events: go-yaml v2's own scanner and parser, token by token and event by event,
# for the differential tests of the port in packages/validator/src/yaml/go. go-yaml keeps them
# unexported, so Debian's golang-gopkg-yaml.v2-dev source is copied into a package of the build
# directory (bin/, ignored) beside export.go.in, which names them; nothing is downloaded or committed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source_dir=/usr/share/gocode/src/gopkg.in/yaml.v2
if [ ! -f "$source_dir/scannerc.go" ]; then
  echo "go-yaml v2 source not found in $source_dir (apt-get install golang-gopkg-yaml.v2-dev)" >&2
  exit 1
fi
gopath="$here/bin/gopath.$$"
package_dir="$gopath/src/goyamlinternals"
mkdir -p "$package_dir"
trap 'rm -rf "$gopath"' EXIT
for file in "$source_dir"/*.go; do
  case "$file" in *_test.go) ;; *) cp "$file" "$package_dir/" ;; esac
done
cp "$here/export.go.in" "$package_dir/export.go"
cp "$here/main.go" "$gopath/src/main.go"
# Built beside the target and renamed, so concurrent builds never leave a half-written binary.
partial="$here/bin/go-yaml-events.$$"
(cd "$gopath/src" && GOPATH="$gopath" GO111MODULE=off GOCACHE="$here/bin/.cache" go build -o "$partial" main.go)
mv -f "$partial" "$here/bin/go-yaml-events"
