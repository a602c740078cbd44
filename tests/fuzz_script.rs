#![cfg(not(target_arch = "wasm32"))]
//! scripts/fuzz.sh (`make fuzz`) against a stand-in for `cargo` that behaves
//! like `cargo fuzz run` after a crash or a clean run: a crash must fail the
//! script and show the saved input; a clean run must pass and keep the
//! statistics. The real fuzzers need nightly; this checks the script itself.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A directory holding a fake `cargo` that prints `output` and exits with `status`.
fn fake_cargo(name: &str, output: &str, status: i32) -> PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("cloudtriage-fuzz-sh-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let script = format!("#!/bin/sh\ncat <<'OUT'\n{output}\nOUT\nexit {status}\n");
    let cargo = dir.join("cargo");
    std::fs::write(&cargo, script).unwrap();
    Command::new("chmod").arg("+x").arg(&cargo).status().unwrap();
    dir
}

fn run_script(bin: &Path) -> (Option<i32>, String) {
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let out = Command::new("bash").args(["scripts/fuzz.sh", "1"]).env("PATH", path).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code(), text)
}

#[test]
fn a_crash_fails_the_run_and_prints_the_saved_input_in_hex() {
    let crash = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("cloudtriage-fuzz-crash-{}", std::process::id()));
    std::fs::write(&crash, b"{\"a\x00\xff").unwrap();
    let output = format!(
        "INFO: Running with entropic power schedule\n\
         ==4242== ERROR: libFuzzer: deadly signal\n\
         SUMMARY: libFuzzer: deadly signal\n\
         artifact_prefix='/tmp/'; Test unit written to {}\n\
         stat::number_of_executed_units: 1234\n\
         some noise nobody needs",
        crash.display()
    );
    let bin = fake_cargo("crash", &output, 77);
    let (code, text) = run_script(&bin);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains(&format!("crashing input: {}", crash.display())), "{text}");
    // od -t x1: the bytes { " a NUL 0xff.
    assert!(text.contains("7b 22 61 00 ff"), "{text}");
    assert!(text.contains("stat::number_of_executed_units: 1234"), "{text}");
    assert!(text.contains("fuzzing failed for: import_results content"), "{text}");
    assert!(!text.contains("some noise"), "{text}");
}

#[test]
fn a_failure_without_a_saved_input_fails_the_run_and_shows_why() {
    let bin = fake_cargo("broken", "error: no such command: `fuzz`", 101);
    let (code, text) = run_script(&bin);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("no such command: `fuzz`"), "{text}");
}

#[test]
fn a_clean_run_passes_and_keeps_the_statistics() {
    let output = "#98765\tDONE   cov: 812 ft: 2001 corp: 120/30Kb exec/s: 4321 rss: 80Mb\n\
                  stat::number_of_executed_units: 98765\n\
                  stat::average_exec_per_sec:     4321\n\
                  stat::peak_rss_mb:              80\n\
                  INFO: a line nobody needs";
    let bin = fake_cargo("clean", output, 0);
    let (code, text) = run_script(&bin);
    assert_eq!(code, Some(0), "{text}");
    for line in ["stat::number_of_executed_units: 98765", "stat::average_exec_per_sec:     4321", "stat::peak_rss_mb"] {
        assert!(text.contains(line), "{line} missing: {text}");
    }
    assert!(text.contains("DONE   cov: 812"), "{text}");
    assert!(!text.contains("a line nobody needs") && !text.contains("crashing input"), "{text}");
}
