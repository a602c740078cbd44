//! `cloudtriage profile`: a target profile to start from, with today's
//! built-in targets, and the JSON Schema of profile files.

use std::collections::BTreeMap;

use clap::Args;

use super::commands::ok;
use super::Outcome;
use crate::core::profile::Profile;
use crate::core::Catalog;

/// What `profile` prints.
#[derive(Args, Debug)]
pub struct ProfileArgs {
    /// Print a profile that reproduces today's built-in targets, to edit and publish.
    #[arg(long, conflicts_with = "schema", required_unless_present = "schema")]
    pub template: bool,
    /// Print the JSON Schema of profile files.
    #[arg(long)]
    pub schema: bool,
    /// The profile's name.
    #[arg(long, default_value = "Built-in targets")]
    pub name: String,
    /// Who issues it.
    #[arg(long, default_value = "cloudtriage")]
    pub issuer: String,
}

/// A target profile published by a health agency next to the widget (docs/AGENCY.md).
// Describes the file for its JSON Schema only: never built.
#[allow(dead_code)]
#[derive(schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "cloudtriage target profile")]
pub struct ProfileFile {
    /// Always "cloudtriage-profile".
    #[schemars(schema_with = "format_schema")]
    pub format: String,
    /// 1.
    #[schemars(range(min = 1, max = 1))]
    pub format_version: u32,
    /// The questionnaire's id (`cloudtriage-health-cloud`).
    pub questionnaire: String,
    /// The profile's name, one line.
    #[schemars(length(min = 1, max = 200))]
    pub name: String,
    /// Who issues it, one line.
    #[schemars(length(min = 1, max = 200))]
    pub issuer: String,
    /// The day it was issued, YYYY-MM-DD.
    #[schemars(schema_with = "day_schema")]
    pub date: String,
    /// The profile's version, one line; recorded in results files.
    #[schemars(length(min = 1, max = 200))]
    pub version: String,
    /// Expected level (1 to 4) of every question of a domain, by domain id.
    pub domains: BTreeMap<String, Level>,
    /// Expected level by question id; overrides the domain's.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub questions: BTreeMap<String, Level>,
    /// Expectations for some contexts, tried in order before the ones above.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<VariantFile>,
}

/// An expected maturity level, 1 to 4.
pub struct Level;

impl schemars::JsonSchema for Level {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Level".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "description": "An expected maturity level.", "type": "integer", "minimum": 1, "maximum": 4 })
    }
}

/// Expectations that hold only where the context matches `when`.
// Describes the file for its JSON Schema only: never built.
#[allow(dead_code)]
#[derive(schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VariantFile {
    /// Every list given must contain the context's value (any of the use cases); an undecided
    /// service model or deployment matches every list.
    pub when: When,
    /// Expected level by domain id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub domains: BTreeMap<String, Level>,
    /// Expected level by question id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub questions: BTreeMap<String, Level>,
}

/// The contexts a variant applies to.
// Describes the file for its JSON Schema only: never built.
#[allow(dead_code)]
#[derive(schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct When {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub use_cases: Option<Vec<crate::core::context::UseCase>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub service_models: Option<Vec<crate::core::context::ServiceModel>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub deployments: Option<Vec<crate::core::context::Deployment>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub stages: Option<Vec<crate::core::context::Stage>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub org_sizes: Option<Vec<crate::core::context::OrgSize>>,
}

fn format_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "type": "string", "const": crate::core::profile::PROFILE_FORMAT })
}

fn day_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "type": "string", "format": "date" })
}

/// The JSON Schema of profile files (docs/profile.schema.json).
pub fn profile_schema() -> String {
    serde_json::to_string_pretty(&schemars::schema_for!(ProfileFile)).expect("schemas serialise") + "\n"
}

pub(super) fn run(catalog: &Catalog, args: &ProfileArgs, now: i64) -> Result<Outcome, String> {
    if args.schema {
        return Ok(ok(profile_schema()));
    }
    for (option, text) in [("--name", &args.name), ("--issuer", &args.issuer)] {
        let bad = text.trim().is_empty() || text.chars().count() > 200 || text.chars().any(char::is_control);
        if bad {
            return Err(format!("{option} must be one line of 1 to 200 characters"));
        }
    }
    let today = crate::core::time::rfc3339(now)[..10].to_owned();
    let profile = Profile::template(&catalog.questionnaire, args.name.trim(), args.issuer.trim(), &today);
    Ok(ok(profile.to_json(&catalog.questionnaire).pretty() + "\n"))
}
