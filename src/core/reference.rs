//! References from a question to the rule or good practice behind it.
//!
//! Written in content as `SOURCE:locator` (see docs/CONTENT.md). Parsing
//! refuses anything not on the lists below, so a typo cannot reach a user as
//! a citation of an article that does not say what we claim. Each source has
//! its own grammar: where the structure of an act is known to us (NIS2
//! Implementing Regulation Annex points, Data Act Chapter VI paragraphs, AI
//! Act Annex III points), only locators that exist are accepted.

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

/// Standards and schemes cited as a whole (`SCHEME:EHDS` stays valid for the act as a whole; articles use `EHDS:`).
pub const SCHEMES: &[&str] = &["ISO27017", "ISO27018", "ISO27799", "BSI-C5", "HDS", "CSA-CCM", "EUCS", "EHDS"];

/// MDR Annex I sections cited (23.4(ab): instructions for use state the IT-security requirements).
pub const MDR_SECTIONS: &[&str] = &["17.2", "17.4", "18.8", "23.4(ab)"];

/// ISO/IEC 27001:2022 Annex A: the number of controls in each theme (5 organisational, 6 people, 7 physical, 8 technological).
const ISO27001_THEMES: &[(u8, u8)] = &[(5, 37), (6, 8), (7, 14), (8, 34)];

/// Implementing Regulation (EU) 2024/2690, Annex: for each section, the number of
/// points in each of its subsections (`5.1` has points `5.1.1`-`5.1.7`). Sections 7
/// and 9 have no subsections, only points (`7.1`-`7.3`), written as `(section, &[])`
/// with their point count in [`NIS2IR_FLAT_SECTIONS`].
const NIS2IR_ANNEX: &[(u8, &[u8])] = &[
    (1, &[2, 6]),
    (2, &[4, 3, 4]),
    (3, &[3, 7, 2, 2, 5, 3]),
    (4, &[4, 6, 4]),
    (5, &[7, 1]),
    (6, &[3, 4, 3, 4, 3, 2, 3, 3, 2, 4]),
    (7, &[]),
    (8, &[3, 5]),
    (9, &[]),
    (10, &[3, 3, 2, 2]),
    (11, &[3, 3, 3, 2, 4, 4, 2]),
    (12, &[3, 3, 3, 3, 1]),
    (13, &[3, 3, 3]),
];

/// Sections of the 2024/2690 Annex made of points only, with their number of points.
const NIS2IR_FLAT_SECTIONS: &[(u8, u8)] = &[(7, 3), (9, 3)];

/// AI Act (Regulation (EU) 2024/1689) Annex III: each area and the last letter of its points (`None`: no lettered points).
const AIACT_ANNEX_III: &[(u16, Option<char>)] = &[
    (1, Some('c')),
    (2, None),
    (3, Some('d')),
    (4, Some('b')),
    (5, Some('d')),
    (6, Some('e')),
    (7, Some('d')),
    (8, Some('b')),
];

/// Paragraphs of an article that have lettered points, with the last letter of each.
type LetteredParagraphs = &'static [(u16, char)];

/// Data Act (Regulation (EU) 2023/2854) Chapter VI, Art. 23-31: the number of
/// paragraphs of each article (0: cited as a whole only) and the paragraphs
/// with lettered points, with their last letter.
const DATAACT_CHAPTER_VI: &[(u16, u16, LetteredParagraphs)] = &[
    (23, 0, &[]),
    (24, 0, &[]),
    (25, 4, &[(2, 'i')]),
    (26, 0, &[]),
    (27, 0, &[]),
    (28, 2, &[(1, 'b')]),
    (29, 7, &[]),
    (30, 5, &[]),
    (31, 3, &[]),
];

/// The source a reference points into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// ENISA, Cloud Security for Healthcare Services (2021): its measures.
    EnisaMeasure,
    /// ENISA, Procurement Guidelines for Cybersecurity in Hospitals (2020): its good practices.
    EnisaPractice,
    /// General Data Protection Regulation (EU) 2016/679.
    Gdpr,
    /// NIS2 Directive (EU) 2022/2555.
    Nis2,
    /// Commission Implementing Regulation (EU) 2024/2690 (NIS2 technical requirements; binds cloud and digital providers).
    Nis2Ir,
    /// Medical Device Regulation (EU) 2017/745, Annex I.
    Mdr,
    /// ISO/IEC 27001:2022 Annex A.
    Iso27001,
    /// Data Act, Regulation (EU) 2023/2854.
    DataAct,
    /// Cyber Resilience Act, Regulation (EU) 2024/2847.
    Cra,
    /// AI Act, Regulation (EU) 2024/1689.
    AiAct,
    /// European Health Data Space, Regulation (EU) 2025/327.
    Ehds,
    /// A standard or scheme cited as a whole.
    Scheme,
}

impl Source {
    /// Every source, in the order a crosswalk lists them.
    pub const ALL: [Source; 12] = [
        Source::EnisaMeasure,
        Source::EnisaPractice,
        Source::Gdpr,
        Source::Nis2,
        Source::Nis2Ir,
        Source::Mdr,
        Source::Iso27001,
        Source::DataAct,
        Source::Cra,
        Source::AiAct,
        Source::Ehds,
        Source::Scheme,
    ];

    /// The prefix used in content (`GDPR` in `GDPR:28(3)(h)`).
    pub fn prefix(self) -> &'static str {
        match self {
            Source::EnisaMeasure => "ENISA-CSHS",
            Source::EnisaPractice => "ENISA-PROC",
            Source::Gdpr => "GDPR",
            Source::Nis2 => "NIS2",
            Source::Nis2Ir => "NIS2IR",
            Source::Mdr => "MDR",
            Source::Iso27001 => "ISO27001",
            Source::DataAct => "DATAACT",
            Source::Cra => "CRA",
            Source::AiAct => "AIACT",
            Source::Ehds => "EHDS",
            Source::Scheme => "SCHEME",
        }
    }

    /// The source for a content prefix, if it is one.
    pub fn from_prefix(prefix: &str) -> Option<Source> {
        Source::ALL.into_iter().find(|s| s.prefix() == prefix)
    }

    /// The official title in English, for citations (per-language titles: `references.sources.<PREFIX>` in ui.toml).
    pub fn title(self) -> &'static str {
        match self {
            Source::EnisaMeasure => "ENISA, Cloud Security for Healthcare Services (2021)",
            Source::EnisaPractice => "ENISA, Procurement Guidelines for Cybersecurity in Hospitals (2020)",
            Source::Gdpr => "Regulation (EU) 2016/679 (General Data Protection Regulation)",
            Source::Nis2 => "Directive (EU) 2022/2555 (NIS2 Directive)",
            Source::Nis2Ir => {
                "Commission Implementing Regulation (EU) 2024/2690 (NIS2 technical and methodological requirements)"
            }
            Source::Mdr => "Regulation (EU) 2017/745 (Medical Device Regulation)",
            Source::Iso27001 => "ISO/IEC 27001:2022",
            Source::DataAct => "Regulation (EU) 2023/2854 (Data Act)",
            Source::Cra => "Regulation (EU) 2024/2847 (Cyber Resilience Act)",
            Source::AiAct => "Regulation (EU) 2024/1689 (Artificial Intelligence Act)",
            Source::Ehds => "Regulation (EU) 2025/327 (European Health Data Space)",
            Source::Scheme => "Standards and certification schemes",
        }
    }

    /// The interface key of the title in a language.
    pub fn title_key(self) -> String {
        format!("references.sources.{}", self.prefix())
    }

    /// What a locator of this source looks like, for error messages.
    pub fn expected(self) -> &'static str {
        match self {
            Source::EnisaMeasure => "an ENISA measure such as termination (see docs/CONTENT.md)",
            Source::EnisaPractice => "an ENISA procurement practice such as cloud-rfp (see docs/CONTENT.md)",
            Source::Gdpr => "a GDPR article 1-99 such as 28, 28(3) or 28(3)(h)",
            Source::Nis2 => "a NIS2 article cited: 20, 20(1), 20(2), 21(1), 21(2)(a)-(j), 21(3), 21(4), 23, 23(1)-23(11), 23(4)(a)-(e)",
            Source::Nis2Ir => "a point of the Annex of Regulation 2024/2690 that exists, such as Annex-5, Annex-5.1 or Annex-5.1.2",
            Source::Mdr => "an MDR Annex I section cited: AnnexI-17.2, AnnexI-17.4, AnnexI-18.8, AnnexI-23.4(ab)",
            Source::Iso27001 => "an ISO/IEC 27001:2022 Annex A control A.5.1-A.5.37, A.6.1-A.6.8, A.7.1-A.7.14, A.8.1-A.8.34",
            Source::DataAct => "a Data Act Chapter VI article 23-31, with a paragraph or point that exists, such as 25, 25(4) or 25(2)(c)",
            Source::Cra => "a Cyber Resilience Act article 1-71 such as 14 or 13(8), or AnnexI-PartI or AnnexI-PartII",
            Source::AiAct => "an AI Act article 1-113 such as 26 or 26(6), or an Annex III point such as AnnexIII-5 or AnnexIII-5(d)",
            Source::Ehds => "an EHDS article 1-105 such as 26 or 26(2)",
            Source::Scheme => "a scheme: ISO27017, ISO27018, ISO27799, BSI-C5, HDS, CSA-CCM, EUCS, EHDS",
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
    /// For article-based sources (GDPR, NIS2, Data Act, CRA, AI Act, EHDS): the article parsed from the locator.
    pub article: Option<Article>,
}

/// Why a reference is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReferenceError {
    /// No `SOURCE:` prefix at all.
    NoPrefix(String),
    /// A prefix that is not one of the sources.
    UnknownSource(String),
    /// A known source, but a locator its grammar refuses.
    BadLocator { text: String, source: Source },
}

impl std::fmt::Display for ReferenceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReferenceError::NoPrefix(text) => write!(f, "\"{text}\" has no SOURCE: prefix"),
            ReferenceError::UnknownSource(text) => {
                let known: Vec<_> = Source::ALL.iter().map(|s| s.prefix()).collect();
                write!(f, "\"{text}\" is not a known reference; sources are {}", known.join(", "))
            }
            ReferenceError::BadLocator { text, source } => {
                write!(f, "\"{text}\" is not a valid {} reference: expected {}", source.prefix(), source.expected())
            }
        }
    }
}

impl std::error::Error for ReferenceError {}

impl Reference {
    /// Parses `SOURCE:locator`, refusing unknown sources and locators.
    pub fn parse(text: &str) -> Result<Reference, ReferenceError> {
        let (prefix, locator) = text.split_once(':').ok_or_else(|| ReferenceError::NoPrefix(text.to_owned()))?;
        let source = Source::from_prefix(prefix).ok_or_else(|| ReferenceError::UnknownSource(text.to_owned()))?;
        let bad = || ReferenceError::BadLocator { text: text.to_owned(), source };
        let on_list = |list: &[&str]| list.contains(&locator);
        let article_of = |valid: fn(&Article) -> bool| parse_article(locator).filter(valid);
        let article = match source {
            Source::EnisaMeasure => on_list(ENISA_MEASURES).then_some(None),
            Source::EnisaPractice => on_list(ENISA_PRACTICES).then_some(None),
            Source::Scheme => on_list(SCHEMES).then_some(None),
            Source::Mdr => locator.strip_prefix("AnnexI-").is_some_and(|s| MDR_SECTIONS.contains(&s)).then_some(None),
            Source::Iso27001 => iso27001_control(locator).then_some(None),
            Source::Nis2Ir => nis2ir_point(locator).then_some(None),
            Source::Gdpr => article_of(|a| (1..=99).contains(&a.article)).map(Some),
            Source::Nis2 => article_of(nis2_article).map(Some),
            Source::DataAct => article_of(dataact_article).map(Some),
            Source::Cra => {
                if locator == "AnnexI-PartI" || locator == "AnnexI-PartII" {
                    Some(None)
                } else {
                    article_of(|a| (1..=71).contains(&a.article)).map(Some)
                }
            }
            Source::AiAct => match locator.strip_prefix("AnnexIII-") {
                Some(point) => aiact_annex_iii(point).then_some(None),
                None => article_of(|a| (1..=113).contains(&a.article)).map(Some),
            },
            Source::Ehds => article_of(|a| (1..=105).contains(&a.article)).map(Some),
        }
        .ok_or_else(bad)?;
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

/// `Annex-5`, `Annex-5.1` or `Annex-5.1.2`, each existing in the 2024/2690 Annex.
fn nis2ir_point(locator: &str) -> bool {
    let Some(rest) = locator.strip_prefix("Annex-") else {
        return false;
    };
    let parts: Option<Vec<u16>> = rest.split('.').map(digits).collect();
    let Some(parts) = parts else {
        return false;
    };
    let Some(&(_, subsections)) = NIS2IR_ANNEX.iter().find(|(s, _)| Some(&u16::from(*s)) == parts.first()) else {
        return false;
    };
    let section = parts[0] as u8;
    let flat = NIS2IR_FLAT_SECTIONS.iter().find(|(s, _)| *s == section).map(|&(_, n)| n);
    match (parts.len(), flat) {
        (1, _) => true,
        (2, Some(points)) => (1..=u16::from(points)).contains(&parts[1]),
        (2, None) => (1..=subsections.len() as u16).contains(&parts[1]),
        (3, None) => {
            let points = subsections.get(usize::from(parts[1]).wrapping_sub(1)).copied().unwrap_or(0);
            (1..=u16::from(points)).contains(&parts[2])
        }
        _ => false,
    }
}

/// `5` or `5(d)`: an area of AI Act Annex III and one of its points.
fn aiact_annex_iii(point: &str) -> bool {
    let Some(a) = parse_point_only(point) else {
        return false;
    };
    AIACT_ANNEX_III.iter().any(|&(area, last)| {
        area == a.0 && a.1.is_none_or(|letter| last.is_some_and(|last| ('a'..=last).contains(&letter)))
    })
}

/// `5` or `5(d)`.
fn parse_point_only(text: &str) -> Option<(u16, Option<char>)> {
    let (number, rest) = text.split_at(text.find('(').unwrap_or(text.len()));
    let number = digits(number)?;
    if rest.is_empty() {
        return Some((number, None));
    }
    let letter = rest.strip_prefix('(')?.strip_suffix(')')?;
    let mut chars = letter.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_lowercase() => Some((number, Some(c))),
        _ => None,
    }
}

fn nis2_article(a: &Article) -> bool {
    match (a.article, a.paragraph, a.point) {
        (20 | 23, None, None) => true,
        (20, Some(1 | 2), None) => true,
        (21, Some(1 | 3 | 4), None) => true,
        (21, Some(2), Some(p)) => ('a'..='j').contains(&p),
        (23, Some(p), None) => (1..=11).contains(&p),
        (23, Some(4), Some(p)) => ('a'..='e').contains(&p),
        _ => false,
    }
}

fn dataact_article(a: &Article) -> bool {
    let Some(&(_, paragraphs, lettered)) = DATAACT_CHAPTER_VI.iter().find(|(n, _, _)| *n == a.article) else {
        return false;
    };
    match (a.paragraph, a.point) {
        (None, _) => true,
        (Some(p), None) => (1..=paragraphs).contains(&p),
        (Some(p), Some(letter)) => lettered.iter().any(|&(lp, last)| lp == p && ('a'..=last).contains(&letter)),
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
            "description": "A citation as SOURCE:locator, e.g. GDPR:28(3)(h), NIS2:21(2)(d), ISO27001:A.5.23, DATAACT:25(2)(c), NIS2IR:Annex-5.1, AIACT:26, ENISA-CSHS:termination.",
            "type": "string",
            "pattern": "^(ENISA-CSHS|ENISA-PROC|GDPR|NIS2|NIS2IR|MDR|ISO27001|DATAACT|CRA|AIACT|EHDS|SCHEME):.+$"
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
            (_, Some(a)) => {
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
            (Source::EnisaMeasure, None) => {
                let name = lang.t(&format!("references.enisa_measures.{}", self.locator)).to_owned();
                lang.fill("references.ENISA-CSHS", &[("name", &name)])
            }
            (Source::EnisaPractice, None) => {
                let name = lang.t(&format!("references.enisa_practices.{}", self.locator)).to_owned();
                lang.fill("references.ENISA-PROC", &[("name", &name)])
            }
            (Source::Mdr, None) => {
                let section = self.locator.trim_start_matches("AnnexI-");
                lang.fill("references.MDR", &[("section", section)])
            }
            (Source::Iso27001, None) => lang.fill("references.ISO27001", &[("control", &self.locator)]),
            (Source::Nis2Ir, None) => {
                let point = self.locator.trim_start_matches("Annex-");
                lang.fill("references.NIS2IR", &[("point", point)])
            }
            (Source::Cra, None) => {
                let part = self.locator.trim_start_matches("AnnexI-Part");
                lang.fill("references.CRA_annex", &[("part", part)])
            }
            (Source::AiAct, None) => {
                let point = self.locator.trim_start_matches("AnnexIII-");
                lang.fill("references.AIACT_annex", &[("point", point)])
            }
            (Source::Scheme, None) => lang.t(&format!("references.schemes.{}", self.locator)).to_owned(),
            (Source::Gdpr | Source::Nis2 | Source::DataAct | Source::Ehds, None) => self.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> String {
        match Reference::parse(text) {
            Ok(r) => panic!("{text} was accepted as {r:?}"),
            Err(e) => e.to_string(),
        }
    }

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
    fn nis2_accepts_supplier_quality_and_the_report_deadlines() {
        for ok in ["NIS2:21(3)", "NIS2:21(4)", "NIS2:23(4)", "NIS2:23(4)(d)", "NIS2:23(4)(e)", "NIS2:20(1)"] {
            assert!(Reference::parse(ok).is_ok(), "{ok}");
        }
        for near in ["NIS2:21(5)", "NIS2:21(3)(a)", "NIS2:23(4)(f)", "NIS2:23(12)", "NIS2:21(2)"] {
            assert!(refused(near).contains("21(3)"), "{near} should name what is expected");
        }
    }

    #[test]
    fn iso27001_controls_are_checked_against_annex_a() {
        assert!(Reference::parse("ISO27001:A.5.37").is_ok());
        assert!(Reference::parse("ISO27001:A.5.5").is_ok());
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
        assert!(Reference::parse("SCHEME:EHDS").is_ok());
        assert!(Reference::parse("Scheme:BSI-C5").is_err());
        assert!(Reference::parse("no colon").is_err());
    }

    #[test]
    fn mdr_accepts_the_instructions_for_use_point() {
        assert!(Reference::parse("MDR:AnnexI-23.4(ab)").is_ok());
        assert!(refused("MDR:AnnexI-23.4(ac)").contains("23.4(ab)"));
        assert!(refused("MDR:AnnexI-23.4").contains("expected"));
    }

    #[test]
    fn data_act_accepts_chapter_vi_articles_paragraphs_and_points_that_exist() {
        for ok in
            ["DATAACT:23", "DATAACT:25", "DATAACT:25(2)(a)", "DATAACT:25(2)(i)", "DATAACT:25(4)", "DATAACT:28(1)(b)"]
        {
            assert!(Reference::parse(ok).is_ok(), "{ok}");
        }
        for ok in ["DATAACT:29", "DATAACT:29(7)", "DATAACT:30(1)", "DATAACT:31"] {
            assert!(Reference::parse(ok).is_ok(), "{ok}");
        }
        let r = Reference::parse("DATAACT:25(2)(c)").unwrap();
        assert_eq!(r.source, Source::DataAct);
        assert_eq!(r.article, Some(Article { article: 25, paragraph: Some(2), point: Some('c') }));
        for near in [
            "DATAACT:22",
            "DATAACT:32",
            "DATAACT:25(5)",
            "DATAACT:25(2)(j)",
            "DATAACT:25(3)(a)",
            "DATAACT:23(1)",
            "DATAACT:29(8)",
            "DATAACT:025",
            "DATAACT:Art25",
            "DATA-ACT:25",
        ] {
            let message = refused(near);
            assert!(message.contains(near), "{near}: the message names the text: {message}");
        }
        assert!(refused("DATAACT:25(5)").contains("Chapter VI"));
        assert!(refused("DATA-ACT:25").contains("DATAACT"), "an unknown source lists the known ones");
    }

    #[test]
    fn nis2ir_accepts_only_annex_points_that_exist() {
        for ok in [
            "NIS2IR:Annex-5",
            "NIS2IR:Annex-5.1",
            "NIS2IR:Annex-5.1.2",
            "NIS2IR:Annex-5.1.7",
            "NIS2IR:Annex-5.2.1",
            "NIS2IR:Annex-6.10.4",
            "NIS2IR:Annex-7.3",
            "NIS2IR:Annex-9.2",
            "NIS2IR:Annex-12.5.1",
            "NIS2IR:Annex-13.3.3",
        ] {
            assert!(Reference::parse(ok).is_ok(), "{ok}");
        }
        for near in [
            "NIS2IR:Annex-14",
            "NIS2IR:Annex-0",
            "NIS2IR:Annex-5.3",
            "NIS2IR:Annex-5.1.8",
            "NIS2IR:Annex-5.2.2",
            "NIS2IR:Annex-6.11",
            "NIS2IR:Annex-7.4",
            "NIS2IR:Annex-7.1.1",
            "NIS2IR:Annex-5.01",
            "NIS2IR:Annex-5.1.2.1",
            "NIS2IR:5.1",
            "NIS2IR:Annex-",
        ] {
            assert!(refused(near).contains("2024/2690"), "{near}");
        }
    }

    #[test]
    fn cra_accepts_articles_and_annex_i_parts() {
        for ok in ["CRA:14", "CRA:13(8)", "CRA:71", "CRA:AnnexI-PartI", "CRA:AnnexI-PartII"] {
            assert!(Reference::parse(ok).is_ok(), "{ok}");
        }
        for near in ["CRA:72", "CRA:0", "CRA:AnnexI-PartIII", "CRA:AnnexI", "CRA:AnnexII-PartI"] {
            assert!(refused(near).contains("AnnexI-PartII"), "{near}");
        }
    }

    #[test]
    fn ai_act_accepts_articles_and_annex_iii_points_that_exist() {
        for ok in ["AIACT:4", "AIACT:6", "AIACT:26", "AIACT:26(6)", "AIACT:27", "AIACT:50", "AIACT:113"] {
            assert!(Reference::parse(ok).is_ok(), "{ok}");
        }
        for ok in ["AIACT:AnnexIII-5", "AIACT:AnnexIII-5(d)", "AIACT:AnnexIII-2", "AIACT:AnnexIII-6(e)"] {
            assert!(Reference::parse(ok).is_ok(), "{ok}");
        }
        for near in [
            "AIACT:114",
            "AIACT:AnnexIII-9",
            "AIACT:AnnexIII-5(e)",
            "AIACT:AnnexIII-2(a)",
            "AIACT:AnnexIII-5d",
            "AIACT:AnnexIII-5(dd)",
            "AIACT:AnnexIV-1",
        ] {
            assert!(refused(near).contains("Annex III"), "{near}");
        }
    }

    #[test]
    fn ehds_accepts_its_articles() {
        let r = Reference::parse("EHDS:26(2)").unwrap();
        assert_eq!(r.source, Source::Ehds);
        assert!(Reference::parse("EHDS:105").is_ok());
        assert!(refused("EHDS:106").contains("1-105"));
        assert!(refused("EHDS:ChapterIII").contains("EHDS"));
    }

    #[test]
    fn every_source_is_listed_once_with_a_prefix_and_a_title() {
        let prefixes: crate::core::map::Set<_> = Source::ALL.iter().map(|s| s.prefix()).collect();
        assert_eq!(prefixes.len(), Source::ALL.len());
        for source in Source::ALL {
            assert_eq!(Source::from_prefix(source.prefix()), Some(source));
            assert!(!source.title().is_empty() && source.title_key().ends_with(source.prefix()));
        }
        assert_eq!(Source::DataAct.title(), "Regulation (EU) 2023/2854 (Data Act)");
        assert_eq!(Source::from_prefix("DATA"), None);
    }

    #[test]
    fn references_print_as_written() {
        for text in [
            "GDPR:28(3)(h)",
            "NIS2:21(2)(d)",
            "ISO27001:A.5.23",
            "MDR:AnnexI-18.8",
            "DATAACT:25(2)(c)",
            "NIS2IR:Annex-5.1.2",
            "CRA:AnnexI-PartII",
            "AIACT:AnnexIII-5(d)",
            "EHDS:26(2)",
        ] {
            assert_eq!(Reference::parse(text).unwrap().to_string(), text);
        }
    }
}
