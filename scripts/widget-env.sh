# The shipped widget's WebAssembly (Trunk's first module and postbuild.py's on-demand modules)
# is built with a pinned nightly toolchain that also compiles the standard library for it,
# with the widget's size profile (-Zbuild-std), with panics as a plain trap
# (-Cpanic=immediate-abort: no panic message, hook or location is linked in; the widget has
# no use for them, wasm32 has nowhere to print them) and without file names in the
# locations the standard library keeps. Not its `optimize_for_size` feature: 0.3 KB smaller,
# but answers took about twice as long. docs/PERFORMANCE.md has the measured effect.
# Sourced by `make build`; scripts/tools.sh and scripts/fuzz.sh read WIDGET_TOOLCHAIN from it.
# Host builds and every test build stay on stable.
WIDGET_TOOLCHAIN=nightly-2026-05-20
export RUSTUP_TOOLCHAIN=$WIDGET_TOOLCHAIN
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
