//! Reading a JSON object with very many keys, as a hostile results file may
//! have: every key is checked against the ones before it, so the reader must
//! stay near-linear in the number of keys. Prints the median time for objects
//! of distinct keys in reverse order, from an eighth of the most that fit in
//! the results file's size limit up to that most: doubling the keys should
//! about double the time (a quadratic reader quadruples it).
//! `cargo run --release --example json_keys_time` (part of `make bench`).

use std::time::{Duration, Instant};

use cloudtriage::core::json::Json;
use cloudtriage::core::results::MAX_FILE_BYTES;

/// An object of distinct keys in descending order, at most `limit` bytes long.
fn object(limit: usize) -> (String, usize) {
    let member = |i: usize| format!("\"k{i:07}\":0");
    let count = (limit - 2) / (member(0).len() + 1);
    let members: Vec<String> = (0..count).rev().map(member).collect();
    (format!("{{{}}}", members.join(",")), count)
}

fn median_time(text: &str, runs: usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let parsed = Json::parse(text);
            let elapsed = start.elapsed();
            assert!(parsed.is_ok(), "the object is valid JSON");
            elapsed
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn main() {
    let sizes: Vec<String> = [8, 4, 2, 1]
        .iter()
        .map(|part| {
            let (text, keys) = object(MAX_FILE_BYTES / part);
            format!("{keys} keys ({} KB) {:.1} ms", text.len() / 1024, median_time(&text, 7).as_secs_f64() * 1e3)
        })
        .collect();
    println!("JSON objects of distinct keys in reverse order, median of 7 reads: {}", sizes.join("; "));
}
