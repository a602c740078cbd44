//! The `cloudtriage` command: see `cloudtriage --help`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::io::Write;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let now =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    let outcome = cloudtriage::cli::run(&args, now, &|path| std::fs::read(path));
    // A closed pipe (e.g. `| head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
    let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    std::process::exit(outcome.code);
}

/// The command-line tool is native only; the widget is the library's wasm build.
#[cfg(target_arch = "wasm32")]
fn main() {}
