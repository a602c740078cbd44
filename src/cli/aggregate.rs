//! `cloudtriage aggregate`: many results files into one anonymous benchmark
//! and, optionally, a sector report. Files are read in parallel, a chunk at
//! a time (never all at once), each re-scored from its answers; a bad file is
//! reported by name with its message and skipped, never fatal.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Args;
use rayon::prelude::*;

use super::commands::{language, ok};
use super::{Outcome, INVALID, OK};
use crate::core::aggregate::{submission, Aggregator, Submission};
use crate::core::benchmark::{GroupBy, DEFAULT_MIN_GROUP};
use crate::core::results;
use crate::core::Catalog;

/// Files read at once; enough to keep both cores busy, small enough to keep memory flat.
const CHUNK: usize = 2048;
/// Seconds between progress lines on stderr.
const PROGRESS_EVERY: f64 = 2.0;

/// What `aggregate` reads and writes.
#[derive(Args, Debug)]
pub struct AggregateArgs {
    /// Results files, or folders searched (with their subfolders) for *.json files.
    #[arg(required_unless_present = "schema")]
    pub inputs: Vec<String>,
    /// Where to write the benchmark (JSON).
    #[arg(long, required_unless_present = "schema")]
    pub out: Option<String>,
    /// The smallest group published; smaller groups are left out entirely.
    #[arg(long, default_value_t = DEFAULT_MIN_GROUP, value_parser = clap::value_parser!(u32).range(1..))]
    pub min_group: u32,
    /// Also publish groups by one context dimension.
    #[arg(long, value_parser = ["org_size", "use_case", "service_model", "stage"])]
    pub by: Option<String>,
    /// Also write a sector report (Markdown with SVG charts).
    #[arg(long)]
    pub report: Option<String>,
    /// The report's language (en, de, fr).
    #[arg(long)]
    pub lang: Option<String>,
    /// Print the JSON Schema of benchmark files instead.
    #[arg(long)]
    pub schema: bool,
}

/// Every file named, and every *.json file below every folder named, one at a time.
struct Walk {
    pending: Vec<PathBuf>,
    dirs: Vec<std::fs::ReadDir>,
    errors: Vec<String>,
}

impl Walk {
    fn new(inputs: &[String]) -> Walk {
        let mut pending: Vec<PathBuf> = inputs.iter().map(PathBuf::from).collect();
        pending.reverse();
        Walk { pending, dirs: Vec::new(), errors: Vec::new() }
    }
}

impl Iterator for Walk {
    type Item = PathBuf;
    fn next(&mut self) -> Option<PathBuf> {
        loop {
            if let Some(dir) = self.dirs.last_mut() {
                match dir.next() {
                    Some(Ok(entry)) => {
                        let path = entry.path();
                        match entry.file_type() {
                            Ok(t) if t.is_dir() => match std::fs::read_dir(&path) {
                                Ok(d) => self.dirs.push(d),
                                Err(e) => self.errors.push(format!("{}: cannot be read: {e}", path.display())),
                            },
                            _ if path.extension().is_some_and(|x| x.eq_ignore_ascii_case("json")) => return Some(path),
                            _ => {}
                        }
                    }
                    Some(Err(e)) => self.errors.push(format!("a folder entry cannot be read: {e}")),
                    None => {
                        self.dirs.pop();
                    }
                }
                continue;
            }
            let path = self.pending.pop()?;
            if path.is_dir() {
                match std::fs::read_dir(&path) {
                    Ok(d) => self.dirs.push(d),
                    Err(e) => self.errors.push(format!("{}: cannot be read: {e}", path.display())),
                }
                continue;
            }
            return Some(path);
        }
    }
}

fn read_one(catalog: &Catalog, path: &Path) -> Result<Submission, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: cannot be read: {e}", path.display()))?;
    let refused = |e: results::ImportError| format!("{}: {e}", path.display());
    // The stored report is never used: it is checked as JSON but not built or compared.
    let json = results::parse_without_report(&bytes).map_err(refused)?;
    let imported = results::import_json(catalog, &json).map_err(refused)?;
    Ok(submission(&catalog.questionnaire, &imported))
}

/// The month of a time, `YYYY-MM`: a benchmark says nothing finer.
fn month_of(now: i64) -> String {
    crate::core::time::rfc3339(now)[..7].to_owned()
}

pub(super) fn run(catalog: &Catalog, args: &AggregateArgs, now: i64) -> Result<Outcome, String> {
    if args.schema {
        return Ok(ok(benchmark_schema()));
    }
    let lang = language(catalog, args.lang.as_deref())?;
    let out = args.out.as_deref().unwrap_or_default();
    let by = args.by.as_deref().and_then(GroupBy::parse);
    let q = &catalog.questionnaire;
    let mut aggregator = Aggregator::new(q, by);
    let mut walk = Walk::new(&args.inputs);
    let mut outcome = Outcome::default();
    let (mut read, mut refused) = (0usize, 0usize);
    let started = Instant::now();
    let mut last_progress = 0.0;
    loop {
        let chunk: Vec<PathBuf> = walk.by_ref().take(CHUNK).collect();
        for message in walk.errors.drain(..) {
            let _ = writeln!(outcome.stderr, "{message}");
            refused += 1;
        }
        if chunk.is_empty() {
            break;
        }
        let results: Vec<Result<Submission, String>> = chunk.par_iter().map(|p| read_one(catalog, p)).collect();
        for result in results {
            read += 1;
            match result {
                Ok(s) => {
                    aggregator.add(&s);
                }
                Err(message) => {
                    refused += 1;
                    let _ = writeln!(outcome.stderr, "{message}");
                }
            }
        }
        let elapsed = started.elapsed().as_secs_f64();
        if elapsed - last_progress >= PROGRESS_EVERY {
            last_progress = elapsed;
            eprintln!("cloudtriage aggregate: {read} files read ({:.0} per second)", read as f64 / elapsed);
        }
    }
    let month = month_of(now);
    let (benchmark, suppressed) = aggregator.finish(&month, args.min_group);
    let text = benchmark.to_json(q).pretty() + "\n";
    write_file(out, &text)?;
    let counts = &aggregator.counts;
    let _ = writeln!(
        outcome.stdout,
        "{read} files read: {} organisations counted, {} duplicates counted once, {refused} refused",
        counts.organisations, counts.duplicates
    );
    let _ = writeln!(
        outcome.stdout,
        "{out}: {} groups published, {} left out (fewer than {} organisations)",
        benchmark.groups.len(),
        suppressed.len(),
        benchmark.min_group
    );
    if let Some(path) = &args.report {
        let gaps = aggregator.common_gaps(q, args.min_group, 10);
        let report = super::sector_report::markdown(catalog, lang, &benchmark, &suppressed, &gaps);
        write_file(path, &report)?;
        let _ = writeln!(outcome.stdout, "{path}: sector report written");
    }
    outcome.code = OK;
    if read == 0 {
        outcome.code = INVALID;
        let _ = writeln!(outcome.stderr, "no results files were found");
    }
    Ok(outcome)
}

/// Writes a whole file through a temporary name, so a reader never sees half of it.
fn write_file(path: &str, text: &str) -> Result<(), String> {
    let temporary = format!("{path}.partial");
    std::fs::write(&temporary, text)
        .and_then(|_| std::fs::rename(&temporary, path))
        .map_err(|e| format!("{path}: cannot be written: {e}"))
}

/// The JSON Schema of benchmark files (docs/benchmark.schema.json).
pub fn benchmark_schema() -> String {
    serde_json::to_string_pretty(&schemars::schema_for!(schema::BenchmarkFile)).expect("schemas serialise") + "\n"
}

/// The benchmark file's shape, for its JSON Schema.
pub mod schema {
    use std::collections::BTreeMap;

    /// An anonymous benchmark published by a health agency next to the widget (docs/AGENCY.md).
    // Describes the file for its JSON Schema only: never built.
    #[allow(dead_code)]
    #[derive(schemars::JsonSchema)]
    #[serde(deny_unknown_fields)]
    #[schemars(title = "cloudtriage benchmark")]
    pub struct BenchmarkFile {
        /// Always "cloudtriage-benchmark".
        #[schemars(schema_with = "format_schema")]
        pub format: String,
        /// 1.
        #[schemars(range(min = 1, max = 1))]
        pub format_version: u32,
        /// The questionnaire's id.
        pub questionnaire: String,
        /// The month the benchmark was made, YYYY-MM; nothing finer.
        #[schemars(regex(pattern = r"^[0-9]{4}-(0[1-9]|1[0-2])$"))]
        pub month: String,
        /// The smallest group published.
        #[schemars(range(min = 1))]
        pub min_group: u32,
        /// The percentile method: "linear" (interpolation between order statistics).
        #[schemars(schema_with = "method_schema")]
        pub percentiles: String,
        /// The overall group and the groups of at most one dimension, each with at least `min_group` organisations.
        pub groups: Vec<GroupFile>,
    }

    /// One group.
    // Describes the file for its JSON Schema only: never built.
    #[allow(dead_code)]
    #[derive(schemars::JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct GroupFile {
        /// "overall", "org_size", "use_case", "service_model" or "stage".
        #[schemars(schema_with = "by_schema")]
        pub by: String,
        /// The dimension's value (absent for the overall group).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub value: Option<String>,
        /// Organisations in the group.
        #[schemars(range(min = 1))]
        pub n: u32,
        /// By index: cloud_readiness, data_protection (scores 0 to 100).
        pub indices: BTreeMap<String, DistributionFile>,
        /// By domain id (levels 0 to 4).
        pub domains: BTreeMap<String, DistributionFile>,
    }

    /// Seven figures of a distribution, with at most two decimals, rising from min to max.
    // Describes the file for its JSON Schema only: never built.
    #[allow(dead_code)]
    #[derive(schemars::JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct DistributionFile {
        /// Organisations the measure applies to.
        #[schemars(range(min = 1))]
        pub n: u32,
        pub min: f64,
        pub p10: f64,
        pub p25: f64,
        pub median: f64,
        pub p75: f64,
        pub p90: f64,
        pub max: f64,
    }

    fn format_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "const": crate::core::benchmark::BENCHMARK_FORMAT })
    }

    fn method_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "const": "linear" })
    }

    fn by_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "enum": ["overall", "org_size", "use_case", "service_model", "stage"] })
    }
}
