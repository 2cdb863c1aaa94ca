#!/usr/bin/env bash
# Builds the go-yaml v2 oracle from Debian's Go packages (golang-go, golang-gopkg-yaml.v2-dev, golang-golang-x-text-dev,
# golang-k8s-sigs-yaml-dev, golang-k8s-sigs-json-dev): GOPATH mode, nothing downloaded. Output: tools/oracle/bin/oracle.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$here/bin"
cd "$here"
# Built beside the target and renamed, so concurrent builds never leave a half-written binary.
partial="$here/bin/oracle.$$"
GOPATH=/usr/share/gocode GO111MODULE=off GOCACHE="$here/bin/.cache" go build -o "$partial" main.go
mv -f "$partial" "$here/bin/oracle"
