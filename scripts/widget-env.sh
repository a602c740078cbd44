# The shipped widget's WebAssembly (Trunk's first module and postbuild.py's on-demand modules)
# is built with a pinned nightly toolchain that also compiles the standard library for it,
# optimised for size like the widget (-Zbuild-std), with panics as a plain trap
# (-Cpanic=immediate-abort: no panic message, hook or location is linked in; the widget has
# no use for them, wasm32 has nowhere to print them) and without file names in the
# locations the standard library keeps. docs/PERFORMANCE.md has the measured effect.
# Sourced by `make build` and scripts/tools.sh; host builds and the tests stay on stable.
WIDGET_TOOLCHAIN=nightly-2026-05-20
export RUSTUP_TOOLCHAIN=$WIDGET_TOOLCHAIN
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
