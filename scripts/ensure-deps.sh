#!/usr/bin/env bash
# Checks the system packages Ratchet needs and, as root, installs the missing ones with apt-get.
# bubblewrap: the sandbox. python3: the shipped examples' programs and scorers. git: `ratchet export --git`.
set -euo pipefail
missing=()
command -v bwrap >/dev/null 2>&1 || missing+=(bubblewrap)
[[ -x /usr/bin/python3 ]] || missing+=(python3)
command -v git >/dev/null 2>&1 || missing+=(git)
command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)
if ! command -v dotnet >/dev/null 2>&1; then
  echo "ratchet needs the .NET 10 SDK (dotnet) on PATH: see https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 3
fi
if ((${#missing[@]} == 0)); then
  exit 0
fi
if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "ratchet: installing ${missing[*]} (apt-get)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "ratchet needs these packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 3
fi
