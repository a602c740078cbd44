#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing, from the
# package registries only (crates.io, npm, Debian). Safe to run repeatedly:
# anything present at the right version is left alone.
#   scripts/tools.sh build   wasm target, the widget's nightly, Trunk, wasm-bindgen-cli, wasm-opt
#   scripts/tools.sh test    the above, plus Chromium, ChromeDriver, Firefox ESR, geckodriver and the test packages
#   scripts/tools.sh fuzz    the above, plus cargo-fuzz (on the widget's pinned nightly)
set -euo pipefail
cd "$(dirname "$0")/.."

want=${1:-build}
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The pinned nightly that builds the shipped widget, with the standard library's source.
WIDGET_TOOLCHAIN=$(sed -n 's/^WIDGET_TOOLCHAIN=//p' scripts/widget-env.sh)
if ! rustup run "$WIDGET_TOOLCHAIN" rustc --version >/dev/null 2>&1 ||
   ! rustup component list --installed --toolchain "$WIDGET_TOOLCHAIN" | grep -q '^rust-src'; then
  say "installing $WIDGET_TOOLCHAIN with rust-src (the widget's build compiles its standard library)"
  rustup toolchain install "$WIDGET_TOOLCHAIN" --profile minimal --component rust-src
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing Trunk $TRUNK_VERSION (about 9 minutes on 2 cores, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $BINDGEN_VERSION (the version in Cargo.lock)"
  # Not --locked: its own lock file pins a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION"
fi

if [ "$want" = test ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdftoppm >/dev/null; then
    say "installing Chromium, ChromeDriver and poppler-utils from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver poppler-utils >/dev/null
  fi
  # Firefox ESR, as on many hospital desktops: the component tests and a WebDriver flow run in it too.
  if ! command -v firefox-esr >/dev/null; then
    say "installing Firefox ESR from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq firefox-esr >/dev/null
  fi
  if [ "$(geckodriver --version 2>/dev/null | head -n 1 | cut -d' ' -f2)" != "$GECKODRIVER_VERSION" ]; then
    say "installing geckodriver $GECKODRIVER_VERSION (about 3 minutes on 2 cores, once)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
  fi
  # Independent readers of the exports (tests/exports/check.py), with Debian's own Python.
  if ! /usr/bin/python3 -c 'import openpyxl, docx' 2>/dev/null || ! command -v soffice >/dev/null; then
    say "installing python3-openpyxl, python3-docx and LibreOffice (Calc, Writer) from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends python3 python3-openpyxl python3-docx \
      libreoffice-calc-nogui libreoffice-writer-nogui >/dev/null
  fi
fi

# wasm-opt (npm binaryen; Debian's is too old for today's Rust output), Playwright and axe-core.
if [ ! -x node_modules/.bin/wasm-opt ] || { [ "$want" = test ] && [ ! -d node_modules/@playwright/test ]; } ||
   ! cmp -s package-lock.json node_modules/.installed-lock.json 2>/dev/null; then
  say "installing npm packages (package-lock.json)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.installed-lock.json
fi

if [ "$want" = fuzz ]; then
  if ! cargo "+$WIDGET_TOOLCHAIN" fuzz --version >/dev/null 2>&1; then
    say "installing cargo-fuzz"
    cargo install cargo-fuzz --version 0.13.2 --locked
  fi
fi

# Trunk runs offline; fetch the crates it will need while the registry is reachable,
# and those of the fuzz targets, which `make check` compiles (their own workspace).
cargo fetch --quiet
cargo "+$WIDGET_TOOLCHAIN" fetch --quiet \
  --manifest-path "$(rustc "+$WIDGET_TOOLCHAIN" --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
cargo fetch --quiet --manifest-path fuzz/Cargo.toml
