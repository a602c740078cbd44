//! Embedding configuration: what a host page sets with `data-*` attributes
//! on the mount element (or, for the standalone page, URL parameters).
//! docs/EMBEDDING.md lists every option.

use super::context::{Deployment, OrgSize, ServiceModel, Stage, UseCase};

/// Light, dark, or following the reader's system setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The class name suffix used by the stylesheet.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Context values a host sets in advance; the user can still change them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preset {
    pub use_cases: Vec<UseCase>,
    pub service_model: Option<ServiceModel>,
    pub deployment: Option<Deployment>,
    pub stage: Option<Stage>,
    pub org_size: Option<OrgSize>,
}

/// Everything an embedding page can configure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedConfig {
    /// Language code; `None` lets the browser's preferences decide.
    pub language: Option<String>,
    pub theme: Theme,
    /// Accent colour as a CSS colour (#rgb, #rrggbb), applied as `--ct-accent`.
    pub accent: Option<String>,
    pub preset: Preset,
    /// Whether "Remember on this device" is offered at all.
    pub storage_allowed: bool,
    /// Whether to post the content height to the parent frame.
    pub resize_parent: bool,
    /// The origin allowed to receive height messages; the page's own origin when absent.
    pub parent_origin: Option<String>,
    /// Keeps the stored answers of several widgets on one site apart.
    pub instance: String,
    /// The role label of a respondent the coordinator sent this link to.
    pub respondent: Option<String>,
    /// The domain ids assigned to that respondent (checked against the questionnaire at start).
    pub domains: Vec<String>,
    /// A target profile in the widget's folder, as named (see [`crate::core::agency::in_folder`]).
    pub profile: Option<String>,
    /// A benchmark in the widget's folder, as named.
    pub benchmark: Option<String>,
}

impl EmbedConfig {
    /// Whether the page names an agency's profile or benchmark, or is a respondent's link: the
    /// widget then starts with its team and agency screens (`web::upgrade` in the shell).
    pub fn needs_whole_widget(&self) -> bool {
        self.profile.is_some() || self.benchmark.is_some() || self.respondent.is_some() || !self.domains.is_empty()
    }
}

impl Default for EmbedConfig {
    fn default() -> Self {
        EmbedConfig {
            language: None,
            theme: Theme::Auto,
            accent: None,
            preset: Preset::default(),
            storage_allowed: true,
            resize_parent: false,
            parent_origin: None,
            instance: "default".into(),
            respondent: None,
            domains: Vec::new(),
            profile: None,
            benchmark: None,
        }
    }
}

/// An option that was given but could not be used; the widget starts anyway.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigWarning {
    pub option: String,
    pub value: String,
}

impl std::fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "cloudtriage: ignoring {}=\"{}\": not a value this option accepts (see docs/EMBEDDING.md)",
            self.option, self.value
        )
    }
}

fn colour(value: &str) -> Option<String> {
    let hex = value.strip_prefix('#')?;
    (matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit())).then(|| value.to_ascii_lowercase())
}

fn switch(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "" | "on" | "true" | "yes" | "1" => Some(true),
        "off" | "false" | "no" | "0" => Some(false),
        _ => None,
    }
}

fn origin(value: &str) -> Option<String> {
    let rest = value.strip_prefix("https://").or_else(|| value.strip_prefix("http://"))?;
    let ok = !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b));
    ok.then(|| value.to_owned())
}

fn instance(value: &str) -> Option<String> {
    let ok = (1..=64).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_".contains(&b));
    ok.then(|| value.to_owned())
}

impl EmbedConfig {
    /// Reads options given as name/value pairs. Names may use `-` or `_` and may
    /// carry a `data-` prefix, so attributes and URL parameters read alike.
    /// Unknown names are ignored (the host page may have its own attributes);
    /// bad values are reported and ignored.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (EmbedConfig, Vec<ConfigWarning>) {
        let mut config = EmbedConfig::default();
        let mut warnings = Vec::new();
        for (name, value) in pairs {
            let key = name.strip_prefix("data-").unwrap_or(name).replace('_', "-").to_ascii_lowercase();
            let value = value.trim();
            let ok = match key.as_str() {
                "lang" => {
                    let code = value.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
                    let valid = code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase());
                    valid.then(|| config.language = Some(code)).is_some()
                }
                "theme" => match value {
                    "auto" => Some(Theme::Auto),
                    "light" => Some(Theme::Light),
                    "dark" => Some(Theme::Dark),
                    _ => None,
                }
                .map(|t| config.theme = t)
                .is_some(),
                "accent" => colour(value).map(|c| config.accent = Some(c)).is_some(),
                "use-case" | "use-cases" => {
                    let parsed: Option<Vec<UseCase>> =
                        value.split(',').map(|v| UseCase::parse(&v.trim().replace('-', "_"))).collect();
                    parsed.filter(|p| !p.is_empty()).map(|p| config.preset.use_cases = p).is_some()
                }
                "service-model" => ServiceModel::parse(value).map(|v| config.preset.service_model = Some(v)).is_some(),
                "deployment" => Deployment::parse(value).map(|v| config.preset.deployment = Some(v)).is_some(),
                "stage" => Stage::parse(value).map(|v| config.preset.stage = Some(v)).is_some(),
                "org-size" => OrgSize::parse(value).map(|v| config.preset.org_size = Some(v)).is_some(),
                "storage" => switch(value).map(|v| config.storage_allowed = v).is_some(),
                "resize" => match value {
                    "parent" | "on" | "" => Some(true),
                    "off" => Some(false),
                    _ => None,
                }
                .map(|v| config.resize_parent = v)
                .is_some(),
                "parent-origin" => origin(value).map(|o| config.parent_origin = Some(o)).is_some(),
                "instance" => instance(value).map(|i| config.instance = i).is_some(),
                "respondent" => super::assessment::clean_label(value)
                    .filter(|l| l.chars().count() == value.chars().count())
                    .map(|l| config.respondent = Some(l))
                    .is_some(),
                "domains" => {
                    let ids: Vec<String> =
                        value.split(',').map(|d| d.trim().to_owned()).filter(|d| !d.is_empty()).collect();
                    let ok = !ids.is_empty()
                        && ids.iter().all(|d| {
                            d.len() <= 64
                                && d.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_-".contains(&b))
                        });
                    ok.then(|| config.domains = ids).is_some()
                }
                // Kept as written: whether it lies in the widget's folder is decided against the folder's address.
                "profile" => (!value.is_empty()).then(|| config.profile = Some(value.to_owned())).is_some(),
                "benchmark" => (!value.is_empty()).then(|| config.benchmark = Some(value.to_owned())).is_some(),
                _ => true,
            };
            if !ok {
                warnings.push(ConfigWarning { option: name.to_owned(), value: value.to_owned() });
            }
        }
        (config, warnings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_agency_s_files_or_a_respondent_s_link_need_the_whole_widget_and_nothing_else_does() {
        let needs = |pairs: &[(&str, &str)]| EmbedConfig::from_pairs(pairs.iter().copied()).0.needs_whole_widget();
        assert!(!needs(&[]));
        assert!(!needs(&[
            ("data-lang", "de"),
            ("data-use-case", "ehr"),
            ("data-storage", "off"),
            ("data-theme", "dark")
        ]));
        assert!(needs(&[("data-profile", "profile.json")]));
        assert!(needs(&[("benchmark", "benchmark.json")]));
        assert!(needs(&[("respondent", "DPO")]));
        assert!(needs(&[("domains", "governance")]));
        assert!(!needs(&[("profile", "")]), "an empty name names nothing");
    }

    #[test]
    fn attributes_and_url_parameters_read_alike() {
        let (a, _) = EmbedConfig::from_pairs([("data-service-model", "saas"), ("data-use-case", "ehr,remote_care")]);
        let (b, _) = EmbedConfig::from_pairs([("service_model", "saas"), ("use_case", "ehr,remote-care")]);
        assert_eq!(a, b);
        assert_eq!(a.preset.use_cases, vec![UseCase::Ehr, UseCase::RemoteCare]);
        assert_eq!(a.preset.service_model, Some(ServiceModel::Saas));
    }

    #[test]
    fn storage_can_be_forbidden_and_resizing_enabled() {
        let (c, w) =
            EmbedConfig::from_pairs([("data-storage", "off"), ("data-resize", "parent"), ("data-theme", "dark")]);
        assert!(w.is_empty());
        assert!(!c.storage_allowed);
        assert!(c.resize_parent);
        assert_eq!(c.theme, Theme::Dark);
    }

    #[test]
    fn bad_values_are_reported_and_ignored() {
        let (c, w) = EmbedConfig::from_pairs([
            ("data-accent", "red; background: url(x)"),
            ("data-lang", "german"),
            ("data-parent-origin", "javascript:alert(1)"),
            ("data-instance", "a b"),
            ("data-theme", "neon"),
        ]);
        assert_eq!(c, EmbedConfig::default());
        assert_eq!(w.len(), 5);
        assert!(w[0].to_string().contains("data-accent"));
    }

    #[test]
    fn language_tags_keep_their_primary_subtag() {
        let (c, _) = EmbedConfig::from_pairs([("lang", "de-AT")]);
        assert_eq!(c.language.as_deref(), Some("de"));
        let (c, _) =
            EmbedConfig::from_pairs([("accent", "#0B5CAD"), ("parent-origin", "https://intranet.example.org")]);
        assert_eq!(c.accent.as_deref(), Some("#0b5cad"));
        assert_eq!(c.parent_origin.as_deref(), Some("https://intranet.example.org"));
    }

    #[test]
    fn a_respondent_link_names_the_role_and_the_assigned_domains() {
        let (c, w) = EmbedConfig::from_pairs([("respondent", "DPO"), ("domains", "governance,risk")]);
        assert!(w.is_empty());
        assert_eq!(c.respondent.as_deref(), Some("DPO"));
        assert_eq!(c.domains, ["governance", "risk"]);
        let (c, w) = EmbedConfig::from_pairs([("respondent", "x".repeat(81).as_str()), ("domains", "Governance;<b>")]);
        assert_eq!(w.len(), 2);
        assert_eq!((c.respondent, c.domains), (None, Vec::<String>::new()));
    }

    #[test]
    fn unrelated_attributes_of_the_host_are_ignored_silently() {
        let (c, w) = EmbedConfig::from_pairs([("class", "x"), ("data-cloudtriage", ""), ("id", "y")]);
        assert!(w.is_empty());
        assert_eq!(c, EmbedConfig::default());
    }
}
