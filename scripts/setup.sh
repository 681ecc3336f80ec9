#!/usr/bin/env bash
# Installs the Debian packages ICN needs to build, test and render, only when missing.
# Usage: scripts/setup.sh [--browser]   (--browser also installs Debian's chromium for the report test)
set -euo pipefail

# libigraph-dev links against arpack, glpk and plfit but does not pull their -dev packages.
packages=(
  build-essential cmake ninja-build pkg-config
  libigraph-dev libarpack2-dev libglpk-dev libplfit-dev libboost-graph-dev libeigen3-dev libgraphviz-dev graphviz
  libfmt-dev libcli11-dev nlohmann-json3-dev libssl-dev libzip-dev libexpat1-dev libxlsxwriter-dev
  libgtest-dev libgmock-dev libbenchmark-dev clang libclang-rt-14-dev
  fonts-noto-cjk
  python3 python3-networkx python3-numpy python3-openpyxl poppler-utils
  pandoc
  pybind11-dev python3-dev python3-pandas python3-pytest python3-distributed python3-matplotlib
)
if [[ "${1:-}" == "--browser" ]]; then
  packages+=(chromium)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
if [[ $(id -u) -ne 0 ]]; then
  SUDO=sudo
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
