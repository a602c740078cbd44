//! The `cloudtriage` command-line tool: the widget's core, in a terminal.
//! `run` takes the arguments and the current time and returns what to print,
//! so every command is tested without a process. Arguments are parsed by
//! clap (derive); each command lives in a function of its own.

mod aggregate;
mod commands;
mod crosswalk;
mod export;
pub mod markdown;
mod merge;
mod procurement;
mod profile;
mod score;
mod sector_report;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, CommandFactory, Parser, Subcommand};

use crate::core::context::{Deployment, OrgSize, ServiceModel, Stage, UseCase};
use crate::core::crosswalk::Framework;
use crate::core::Catalog;
use crate::export::Format;

pub use aggregate::benchmark_schema;
pub use commands::{report_text, schema};
pub use export::Write;
pub use profile::profile_schema;

/// What a command printed and how it ended.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Exit code for success.
pub const OK: i32 = 0;
/// Exit code when a file is invalid or cannot be read.
pub const INVALID: i32 = 1;
/// Exit code when the command line itself is wrong.
pub const USAGE: i32 = 2;

const EXIT_CODES: &str = "Exit codes: 0 success, 1 a file is invalid or unreadable, 2 the command line is wrong.";

/// cloudtriage: cloud readiness and data-protection self-assessment for health services
#[derive(Parser, Debug)]
#[command(name = "cloudtriage", version, after_help = EXIT_CODES, disable_help_subcommand = false)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the questionnaire as Markdown, or as JSON with --json.
    Questionnaire {
        /// A language code such as en, de, fr.
        #[arg(long)]
        lang: Option<String>,
        /// Print JSON instead of Markdown; each question's target is its default level
        /// and the rules that change it by context (the first matching rule applies).
        #[arg(long)]
        json: bool,
    },
    /// Print a results file with every applicable question unanswered.
    Template(TemplateArgs),
    /// Recalculate the scores and action plan of a results file and print them.
    Score {
        /// A results file.
        file: String,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// A language code such as en, de, fr (default: the file's language).
        #[arg(long)]
        lang: Option<String>,
        /// A target profile: its expected levels replace the built-in targets; prints the gap per domain.
        #[arg(long)]
        profile: Option<String>,
        /// A benchmark: prints where each index and domain stands in the group matching the file's context.
        #[arg(long)]
        benchmark: Option<String>,
    },
    /// Print a target profile with today's built-in targets (--template), or the profile file's JSON Schema.
    Profile(profile::ProfileArgs),
    /// Combine results files into an anonymous benchmark; groups below --min-group are left out.
    Aggregate(aggregate::AggregateArgs),
    /// Check results files; exit 0 only when every file is valid, each problem on stderr.
    Validate {
        /// Results files.
        #[arg(required = true)]
        files: Vec<String>,
    },
    /// Print the articles or controls of a framework that the questionnaire covers, the questions
    /// covering each and, with FILE, the maturity and gaps of each.
    Crosswalk {
        /// The framework.
        #[arg(long, value_parser = choices(&Framework::ALL, Framework::as_str))]
        framework: Framework,
        /// A results file, for the maturity and gaps of each item.
        file: Option<String>,
        /// Print JSON instead of Markdown.
        #[arg(long)]
        json: bool,
        /// A language code such as en, de, fr (default: the file's language).
        #[arg(long)]
        lang: Option<String>,
    },
    /// Export a results file as a spreadsheet (xlsx), CSV of the action plan, Word report (docx) or Markdown report (md).
    Export {
        /// A results file.
        file: String,
        /// The file format.
        #[arg(long, value_parser = choices(&Format::ALL, Format::as_str))]
        format: Format,
        /// A language code such as en, de, fr (default: the file's language).
        #[arg(long)]
        lang: Option<String>,
        /// Where to write the export.
        #[arg(long)]
        out: String,
    },
    /// Write the procurement pack of a results file (tender requirements, supplier
    /// questionnaire, contract checklist) as a Word document (docx) or Markdown (md).
    Procurement {
        /// A results file.
        file: String,
        /// The file format.
        #[arg(long, value_parser = PossibleValuesParser::new(procurement::FORMATS))]
        format: String,
        /// A language code such as en, de, fr (default: the file's language).
        #[arg(long)]
        lang: Option<String>,
        /// Where to write the pack.
        #[arg(long)]
        out: String,
    },
    /// Print the JSON Schema of the results file.
    Schema,
    /// Merge the results files of several respondents into one; disagreements are kept.
    Merge(merge::MergeArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// The context of a blank results file.
#[derive(Args, Debug)]
pub struct TemplateArgs {
    /// A use case, repeatable; without any, every use case is included.
    #[arg(long = "use-case", value_parser = choices(UseCase::ALL, UseCase::as_str))]
    pub use_cases: Vec<UseCase>,
    /// The cloud service model.
    #[arg(long, value_parser = choices(ServiceModel::ALL, ServiceModel::as_str), default_value = "undecided")]
    pub service_model: ServiceModel,
    /// The deployment.
    #[arg(long, value_parser = choices(Deployment::ALL, Deployment::as_str), default_value = "undecided")]
    pub deployment: Deployment,
    /// Where the organisation stands with the service.
    #[arg(long, value_parser = choices(Stage::ALL, Stage::as_str), default_value = "planning")]
    pub stage: Stage,
    /// The size of the organisation.
    #[arg(long, value_parser = choices(OrgSize::ALL, OrgSize::as_str), default_value = "medium")]
    pub org_size: OrgSize,
    /// A language code such as en, de, fr.
    #[arg(long)]
    pub lang: Option<String>,
    /// The role label of the respondent the file is for (free text such as "DPO").
    #[arg(long)]
    pub respondent: Option<String>,
    /// The domain ids assigned to the respondent, comma-separated (default: all).
    #[arg(long, value_delimiter = ',')]
    pub domains: Vec<String>,
}

/// A value parser offering exactly the ids of a context choice (and completing them).
fn choices<T: Copy + Send + Sync + 'static>(
    all: &'static [T],
    id: fn(T) -> &'static str,
) -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(all.iter().map(|v| id(*v)))
        .map(move |text| *all.iter().find(|v| id(**v) == text).expect("clap only passes listed values"))
}

fn usage(message: &str) -> Outcome {
    Outcome {
        code: USAGE,
        stdout: String::new(),
        stderr: format!("cloudtriage: {}\nRun `cloudtriage --help` for usage.\n", message.trim_end()),
    }
}

/// Reads a file's bytes; the real tool reads the disk, tests may give anything.
pub type Read<'a> = &'a dyn Fn(&str) -> std::io::Result<Vec<u8>>;

/// Runs a command. `now` is seconds since 1970 UTC, for files the command writes.
/// Commands that write files (`export`) write them to the disk.
pub fn run(args: &[String], now: i64, read: Read) -> Outcome {
    run_with(args, now, read, &|path, bytes| std::fs::write(path, bytes))
}

/// Runs a command with a way to write files (tests capture them).
pub fn run_with(args: &[String], now: i64, read: Read, write: Write) -> Outcome {
    let cli = match Cli::try_parse_from(std::iter::once("cloudtriage".to_owned()).chain(args.iter().cloned())) {
        Ok(cli) => cli,
        Err(e) => {
            let text = e.render().to_string();
            if e.exit_code() == 0 {
                return Outcome { code: OK, stdout: text, stderr: String::new() };
            }
            return usage(text.strip_prefix("error: ").unwrap_or(&text));
        }
    };
    let catalog = Catalog::embedded();
    let result = match cli.command {
        Command::Questionnaire { lang, json } => commands::questionnaire(catalog, lang.as_deref(), json),
        Command::Template(t) => commands::template(catalog, &t, now),
        Command::Score { file, json, lang, profile: None, benchmark: None } => {
            commands::score_file(catalog, &file, json, lang.as_deref(), read)
        }
        Command::Score { file, json, lang, profile, benchmark } => {
            let against = score::Against { profile: profile.as_deref(), benchmark: benchmark.as_deref() };
            score::run(catalog, &file, json, lang.as_deref(), against, read)
        }
        Command::Profile(args) => profile::run(catalog, &args, now),
        Command::Aggregate(args) => aggregate::run(catalog, &args, now),
        Command::Validate { files } => Ok(commands::validate(catalog, &files, read)),
        Command::Crosswalk { framework, file, json, lang } => {
            crosswalk::crosswalk(catalog, framework, file.as_deref(), json, lang.as_deref(), read)
        }
        Command::Export { file, format, lang, out } => {
            export::export(catalog, &file, format, lang.as_deref(), &out, read, write)
        }
        Command::Procurement { file, format, lang, out } => {
            procurement::procurement(catalog, &file, &format, lang.as_deref(), &out, read, write)
        }
        Command::Schema => Ok(commands::ok(schema())),
        Command::Merge(m) => merge::run(catalog, &m, read),
        Command::Completions { shell } => Ok(commands::ok(completions(shell))),
    };
    result.unwrap_or_else(|message| usage(&message))
}

/// The completion script of a shell.
fn completions(shell: clap_complete::Shell) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "cloudtriage", &mut out);
    String::from_utf8(out).expect("completion scripts are UTF-8")
}
