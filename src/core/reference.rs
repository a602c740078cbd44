//! References from a question to the rule or good practice behind it.
//!
//! Written in content as `SOURCE:locator` (see docs/CONTENT.md). Parsing
//! refuses anything not on the lists below, so a typo cannot reach a user as
//! a citation of an article that does not say what we claim.

/// Measures of ENISA, *Cloud Security for Healthcare Services* (2021), that cloudtriage cites.
pub const ENISA_MEASURES: &[&str] =
    &["requirements", "risk-assessment", "incident-management", "continuity", "termination", "logging"];

/// Good practices of ENISA, *Procurement Guidelines for Cybersecurity in Hospitals* (2020).
pub const ENISA_PRACTICES: &[&str] = &[
    "involve-it",
    "vulnerability-management",
    "update-policy",
    "wireless",
    "testing",
    "continuity-plans",
    "interoperability",
    "audit-logging",
    "encryption",
    "risk-assessment",
    "early-requirements",
    "threat-identification",
    "network-segregation",
    "supplier-eligibility",
    "cloud-rfp",
    "certification",
    "dpia",
    "legacy-systems",
    "training",
    "incident-response",
    "supplier-incident-involvement",
    "maintenance",
    "remote-access",
    "patching",
    "awareness",
    "asset-inventory",
    "device-access-control",
    "penetration-testing",
];

/// Standards and schemes cited as a whole.
pub const SCHEMES: &[&str] = &["ISO27017", "ISO27018", "ISO27799", "BSI-C5", "HDS", "CSA-CCM", "EUCS", "EHDS"];

/// MDR Annex I sections cited.
pub const MDR_SECTIONS: &[&str] = &["17.2", "17.4", "18.8"];

/// ISO/IEC 27001:2022 Annex A: the number of controls in each theme (5 organisational, 6 people, 7 physical, 8 technological).
const ISO27001_THEMES: &[(u8, u8)] = &[(5, 37), (6, 8), (7, 14), (8, 34)];

/// The source a reference points into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    EnisaMeasure,
    EnisaPractice,
    Gdpr,
    Nis2,
    Mdr,
    Iso27001,
    Scheme,
}

impl Source {
    /// The prefix used in content (`GDPR` in `GDPR:28(3)(h)`).
    pub fn prefix(self) -> &'static str {
        match self {
            Source::EnisaMeasure => "ENISA-CSHS",
            Source::EnisaPractice => "ENISA-PROC",
            Source::Gdpr => "GDPR",
            Source::Nis2 => "NIS2",
            Source::Mdr => "MDR",
            Source::Iso27001 => "ISO27001",
            Source::Scheme => "SCHEME",
        }
    }
}

/// An article with an optional paragraph and point: `28`, `28(3)`, `28(3)(h)`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Article {
    pub article: u16,
    pub paragraph: Option<u16>,
    pub point: Option<char>,
}

/// One citation.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Reference {
    pub source: Source,
    /// The locator as written after the colon.
    pub locator: String,
    /// For GDPR and NIS2: the article parsed from the locator.
    pub article: Option<Article>,
}

impl Reference {
    /// Parses `SOURCE:locator`, refusing unknown sources and locators.
    pub fn parse(text: &str) -> Result<Reference, String> {
        let (prefix, locator) = text.split_once(':').ok_or_else(|| format!("{text:?} has no SOURCE: prefix"))?;
        let on_list = |list: &[&str]| list.contains(&locator);
        let mut article = None;
        let source = match prefix {
            "ENISA-CSHS" if on_list(ENISA_MEASURES) => Source::EnisaMeasure,
            "ENISA-PROC" if on_list(ENISA_PRACTICES) => Source::EnisaPractice,
            "SCHEME" if on_list(SCHEMES) => Source::Scheme,
            "MDR" if locator.strip_prefix("AnnexI-").is_some_and(|s| MDR_SECTIONS.contains(&s)) => Source::Mdr,
            "ISO27001" if iso27001_control(locator) => Source::Iso27001,
            "GDPR" => {
                let a = parse_article(locator).filter(|a| (1..=99).contains(&a.article));
                article = Some(a.ok_or_else(|| format!("{text:?} is not a GDPR article (1-99)"))?);
                Source::Gdpr
            }
            "NIS2" => {
                let a = parse_article(locator).filter(nis2_article);
                article = Some(a.ok_or_else(|| format!("{text:?} is not a NIS2 article cloudtriage cites"))?);
                Source::Nis2
            }
            _ => return Err(format!("{text:?} is not a known reference")),
        };
        Ok(Reference { source, locator: locator.to_owned(), article })
    }
}

fn iso27001_control(locator: &str) -> bool {
    let Some(rest) = locator.strip_prefix("A.") else {
        return false;
    };
    let Some((theme, number)) = rest.split_once('.') else {
        return false;
    };
    let (Ok(theme), Ok(number)) = (theme.parse::<u8>(), number.parse::<u8>()) else {
        return false;
    };
    // Rejects leading zeros such as `A.5.01`.
    let canonical = rest == format!("{theme}.{number}");
    canonical && ISO27001_THEMES.iter().any(|&(t, count)| t == theme && (1..=count).contains(&number))
}

fn nis2_article(a: &Article) -> bool {
    match (a.article, a.paragraph, a.point) {
        (20 | 23, None, None) => true,
        (21, Some(2), Some(p)) => ('a'..='j').contains(&p),
        _ => false,
    }
}

/// Reads `28`, `28(3)` or `28(3)(h)`.
fn parse_article(text: &str) -> Option<Article> {
    let (number, mut rest) = text.split_at(text.find('(').unwrap_or(text.len()));
    let article = digits(number)?;
    let mut group = || -> Option<Option<&str>> {
        if rest.is_empty() {
            return Some(None);
        }
        let inner = rest.strip_prefix('(')?;
        let end = inner.find(')')?;
        rest = &inner[end + 1..];
        Some(Some(&inner[..end]))
    };
    let paragraph = group()?.map(digits).map(|d| d.ok_or(())).transpose().ok()?;
    let point = match group()? {
        Some(p) if p.len() == 1 && p.chars().all(|c| c.is_ascii_lowercase()) => p.chars().next(),
        Some(_) => return None,
        None => None,
    };
    if !rest.is_empty() || (point.is_some() && paragraph.is_none()) {
        return None;
    }
    Some(Article { article, paragraph, point })
}

fn digits(text: &str) -> Option<u16> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) || text.starts_with('0') {
        return None;
    }
    text.parse().ok()
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Reference {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Reference".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A citation as SOURCE:locator, e.g. GDPR:28(3)(h), NIS2:21(2)(d), ISO27001:A.5.23, ENISA-CSHS:termination.",
            "type": "string",
            "pattern": "^(ENISA-CSHS|ENISA-PROC|GDPR|NIS2|MDR|ISO27001|SCHEME):.+$"
        })
    }
}

impl std::fmt::Display for Reference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.source.prefix(), self.locator)
    }
}

impl Reference {
    /// The citation in a language, e.g. "GDPR Art. 28(3)(h)" or "DSGVO Art. 28 Abs. 3 lit. h".
    pub fn label(&self, lang: &crate::core::i18n::Language) -> String {
        let prefix = self.source.prefix();
        match (self.source, &self.article) {
            (Source::Gdpr | Source::Nis2, Some(a)) => {
                let article = a.article.to_string();
                let paragraph = a.paragraph.map(|p| p.to_string()).unwrap_or_default();
                let point = a.point.map(String::from).unwrap_or_default();
                let key = match (a.paragraph, a.point) {
                    (None, _) => format!("references.{prefix}"),
                    (Some(_), None) => format!("references.{prefix}_paragraph"),
                    (Some(_), Some(_)) => format!("references.{prefix}_point"),
                };
                lang.fill(&key, &[("article", &article), ("paragraph", &paragraph), ("point", &point)])
            }
            (Source::EnisaMeasure, _) => {
                let name = lang.t(&format!("references.enisa_measures.{}", self.locator)).to_owned();
                lang.fill("references.ENISA-CSHS", &[("name", &name)])
            }
            (Source::EnisaPractice, _) => {
                let name = lang.t(&format!("references.enisa_practices.{}", self.locator)).to_owned();
                lang.fill("references.ENISA-PROC", &[("name", &name)])
            }
            (Source::Mdr, _) => {
                let section = self.locator.trim_start_matches("AnnexI-");
                lang.fill("references.MDR", &[("section", section)])
            }
            (Source::Iso27001, _) => lang.fill("references.ISO27001", &[("control", &self.locator)]),
            (Source::Scheme, _) => lang.t(&format!("references.schemes.{}", self.locator)).to_owned(),
            (Source::Gdpr | Source::Nis2, None) => self.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gdpr_articles_parse_with_paragraph_and_point() {
        let r = Reference::parse("GDPR:28(3)(h)").unwrap();
        assert_eq!(r.article, Some(Article { article: 28, paragraph: Some(3), point: Some('h') }));
        assert!(Reference::parse("GDPR:33").is_ok());
        assert!(Reference::parse("GDPR:0").is_err());
        assert!(Reference::parse("GDPR:100").is_err());
        assert!(Reference::parse("GDPR:28()").is_err());
        assert!(Reference::parse("GDPR:28(3)(hh)").is_err());
        assert!(Reference::parse("GDPR:28(3)h").is_err());
    }

    #[test]
    fn nis2_accepts_only_the_articles_we_cite() {
        assert!(Reference::parse("NIS2:21(2)(a)").is_ok());
        assert!(Reference::parse("NIS2:21(2)(j)").is_ok());
        assert!(Reference::parse("NIS2:21(2)(k)").is_err());
        assert!(Reference::parse("NIS2:23").is_ok());
        assert!(Reference::parse("NIS2:22").is_err());
    }

    #[test]
    fn iso27001_controls_are_checked_against_annex_a() {
        assert!(Reference::parse("ISO27001:A.5.37").is_ok());
        assert!(Reference::parse("ISO27001:A.5.38").is_err());
        assert!(Reference::parse("ISO27001:A.8.34").is_ok());
        assert!(Reference::parse("ISO27001:A.6.9").is_err());
        assert!(Reference::parse("ISO27001:A.5.01").is_err());
        assert!(Reference::parse("ISO27001:5.1").is_err());
    }

    #[test]
    fn enisa_mdr_and_schemes_come_from_fixed_lists() {
        assert!(Reference::parse("ENISA-CSHS:termination").is_ok());
        assert!(Reference::parse("ENISA-CSHS:encryption").is_err());
        assert!(Reference::parse("ENISA-PROC:cloud-rfp").is_ok());
        assert!(Reference::parse("MDR:AnnexI-17.4").is_ok());
        assert!(Reference::parse("MDR:AnnexI-17.3").is_err());
        assert!(Reference::parse("SCHEME:BSI-C5").is_ok());
        assert!(Reference::parse("Scheme:BSI-C5").is_err());
        assert!(Reference::parse("no colon").is_err());
    }

    #[test]
    fn references_print_as_written() {
        for text in ["GDPR:28(3)(h)", "NIS2:21(2)(d)", "ISO27001:A.5.23", "MDR:AnnexI-18.8"] {
            assert_eq!(Reference::parse(text).unwrap().to_string(), text);
        }
    }
}
