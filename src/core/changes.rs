//! What changed in the questionnaire since earlier versions (`content/changes.toml`),
//! so a results file made with an earlier version opens with a clear notice
//! per question: kept, changed (answer kept but to be reviewed), split (answer
//! not carried over), added (not yet answered) or removed.
//!
//! The change list is written by hand; [`Changes::from_json`] checks it
//! against the current questionnaire, so an id cannot be listed in the wrong
//! place or forgotten.

use crate::core::map::{Map, Set};

use super::answer::AnswerValue;
use super::i18n::Language;
use super::json::Json;
use super::model::{ContentError, Questionnaire};
use super::read::ContentNode;

mod embedded {
    /// `content/changes.toml` as JSON, made by the build.
    pub static CHANGES: &str = include_str!(concat!(env!("OUT_DIR"), "/changes.json"));
}

/// How the questionnaire changed between one earlier version and the current one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Since {
    /// The earlier version, e.g. `1.0.0`.
    pub version: String,
    /// Every question id of the earlier version.
    pub questions: Set<String>,
    /// Questions whose meaning changed: the old answer is kept but must be reviewed.
    pub changed: Set<String>,
    /// Old questions split into several new ones: the old answer is not carried over.
    pub split: Map<String, Vec<String>>,
    /// Questions new since the earlier version.
    pub added: Set<String>,
    /// Questions no longer asked.
    pub removed: Set<String>,
}

/// The change lists for every earlier version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changes {
    /// The version the lists lead to; equal to the questionnaire's version.
    pub current: String,
    /// One entry per earlier version.
    pub since: Vec<Since>,
}

/// Why the change list cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangesError {
    /// Not of the expected shape.
    Malformed(String),
    /// `current` is not the questionnaire's version.
    WrongCurrent { listed: String, questionnaire: String },
    /// An earlier version is listed twice, or is the current version.
    BadVersion(String),
    /// An id sits in a list where it cannot be (e.g. `changed` but not asked any more).
    Misplaced { version: String, list: &'static str, id: String, reason: &'static str },
    /// The lists do not account for the difference between the two versions.
    Unaccounted { version: String, id: String, reason: &'static str },
}

impl std::fmt::Display for ChangesError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChangesError::Malformed(m) => write!(f, "content/changes.toml is malformed: {m}"),
            ChangesError::WrongCurrent { listed, questionnaire } => write!(
                f,
                "content/changes.toml leads to version {listed}, but content/questionnaire.toml is version {questionnaire}"
            ),
            ChangesError::BadVersion(v) => {
                write!(f, "content/changes.toml: version {v} is listed twice or is the current version")
            }
            ChangesError::Misplaced { version, list, id, reason } => {
                write!(f, "content/changes.toml, since {version}: {id} in \"{list}\" {reason}")
            }
            ChangesError::Unaccounted { version, id, reason } => {
                write!(f, "content/changes.toml, since {version}: {id} {reason}")
            }
        }
    }
}

impl std::error::Error for ChangesError {}

impl From<ContentError> for ChangesError {
    fn from(e: ContentError) -> ChangesError {
        ChangesError::Malformed(e.to_string())
    }
}

/// What happens to one question when a file made with an earlier version is opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The question is unchanged: the answer stands.
    Kept,
    /// The question's meaning changed: the answer is kept and should be reviewed.
    Review,
    /// The old question was split into these; its answer is not carried over.
    Split { into: Vec<String> },
    /// The question is new since the file's version (or takes over part of a split one) and has no answer yet.
    Added { split_from: Option<String> },
    /// The question is no longer asked; its answer is dropped.
    Removed,
}

impl Notice {
    /// Whether the file's answer to this question is kept.
    pub fn keeps_answer(&self) -> bool {
        matches!(self, Notice::Kept | Notice::Review)
    }

    /// The notice for `question` in a language, for a file made with `version`.
    pub fn message(&self, lang: &Language, question: &str, version: &str, current: &str) -> String {
        let base = [("question", question), ("version", version), ("current", current)];
        match self {
            Notice::Kept => lang.fill("changes.kept", &base),
            Notice::Review => lang.fill("changes.review", &base),
            Notice::Split { into } => {
                let into = into.join(", ");
                lang.fill("changes.split", &[base[0], base[1], base[2], ("into", &into)])
            }
            Notice::Added { split_from: None } => lang.fill("changes.added", &base),
            Notice::Added { split_from: Some(from) } => {
                lang.fill("changes.added_split", &[base[0], base[1], base[2], ("from", from)])
            }
            Notice::Removed => lang.fill("changes.removed", &base),
        }
    }
}

/// One question's notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionNotice {
    /// The question id (an old one for `Split` and `Removed`).
    pub question: String,
    /// What happens to it.
    pub notice: Notice,
}

/// Why notices cannot be given for a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoticeError {
    /// The file's questionnaire version is neither current nor listed in the change list.
    UnknownVersion { found: String, current: String },
}

impl NoticeError {
    /// The message in a language.
    pub fn message(&self, lang: &Language) -> String {
        match self {
            NoticeError::UnknownVersion { found, current } => {
                lang.fill("changes.unknown_version", &[("found", found), ("current", current)])
            }
        }
    }
}

impl Changes {
    /// The change list built into this program, checked against the built-in questionnaire.
    pub fn embedded() -> &'static Changes {
        static CHANGES: std::sync::OnceLock<Changes> = std::sync::OnceLock::new();
        CHANGES.get_or_init(|| {
            let q = &super::Catalog::embedded().questionnaire;
            Changes::from_json(embedded::CHANGES, q)
                .unwrap_or_else(|e| panic!("content/changes.toml is checked by the test suite: {e}"))
        })
    }

    /// Parses the change list and checks every id against the questionnaire it leads to.
    pub fn from_json(text: &str, questionnaire: &Questionnaire) -> Result<Changes, ChangesError> {
        let json = Json::parse(text).map_err(|e| ChangesError::Malformed(format!("not JSON: {e}")))?;
        let root = ContentNode::root(&json);
        root.object(&["current", "since"])?;
        let current = root.required("current")?.text()?;
        if current != questionnaire.version {
            return Err(ChangesError::WrongCurrent { listed: current, questionnaire: questionnaire.version.clone() });
        }
        let now: Set<String> = crate::core::order::set(questionnaire.questions().map(|(_, q)| q.id.clone()));
        let mut since = Vec::new();
        if let Some(versions) = root.field("since") {
            let members = versions.value.as_object().ok_or_else(|| {
                ChangesError::Malformed(format!("since: expected a table, found {}", versions.value.brief()))
            })?;
            for (version, _) in members {
                if *version == current || since.iter().any(|s: &Since| &s.version == version) {
                    return Err(ChangesError::BadVersion(version.clone()));
                }
                let at = versions.required(version)?;
                since.push(read_since(&at, version, &now)?);
            }
        }
        Ok(Changes { current, since })
    }

    /// The changes since an earlier version, if it is listed.
    pub fn since(&self, version: &str) -> Option<&Since> {
        self.since.iter().find(|s| s.version == version)
    }

    /// Per-question notices for a file made with `version` holding `answers`, in
    /// this order: each answered question (kept, review, split, removed), then
    /// each new question without an answer. A file of the current version gets
    /// `Kept` for every answer.
    pub fn notices(
        &self,
        questionnaire: &Questionnaire,
        version: &str,
        answers: &Map<String, AnswerValue>,
    ) -> Result<Vec<QuestionNotice>, NoticeError> {
        let notice = |question: &str, notice: Notice| QuestionNotice { question: question.to_owned(), notice };
        if version == self.current {
            return Ok(answers.keys().map(|id| notice(id, Notice::Kept)).collect());
        }
        let since = self
            .since(version)
            .ok_or_else(|| NoticeError::UnknownVersion { found: version.to_owned(), current: self.current.clone() })?;
        let mut out = Vec::new();
        for id in answers.keys() {
            let n = if let Some(into) = since.split.get(id) {
                Notice::Split { into: into.clone() }
            } else if since.removed.contains(id) || questionnaire.question(id).is_none() {
                Notice::Removed
            } else if since.changed.contains(id) {
                Notice::Review
            } else {
                Notice::Kept
            };
            out.push(notice(id, n));
        }
        for (_, q) in questionnaire.questions() {
            if answers.contains_key(&q.id) {
                continue;
            }
            let split_from = since.split.iter().find(|(_, into)| into.contains(&q.id)).map(|(old, _)| old.clone());
            if split_from.is_some() || since.added.contains(&q.id) {
                out.push(notice(&q.id, Notice::Added { split_from }));
            }
        }
        Ok(out)
    }
}

fn id_set(at: &ContentNode<'_>, key: &str) -> Result<Set<String>, ChangesError> {
    let ids = match at.field(key) {
        Some(list) => list.list(|i| i.text())?,
        None => Vec::new(),
    };
    let set: Set<String> = crate::core::order::set(ids.iter().cloned());
    if set.len() != ids.len() {
        return Err(ChangesError::Malformed(format!("{}.{key} repeats an id", at.path)));
    }
    Ok(set)
}

fn read_since(at: &ContentNode<'_>, version: &str, now: &Set<String>) -> Result<Since, ChangesError> {
    at.object(&["questions", "changed", "split", "added", "removed"])?;
    let before = id_set(at, "questions")?;
    let changed = id_set(at, "changed")?;
    let added = id_set(at, "added")?;
    let removed = id_set(at, "removed")?;
    let mut split = Map::new();
    if let Some(list) = at.field("split") {
        for (old, into) in list.list(|s| {
            s.object(&["id", "into"])?;
            Ok((s.required("id")?.text()?, s.required("into")?.list(|i| i.text())?))
        })? {
            if into.is_empty() || split.insert(old.clone(), into).is_some() {
                return Err(ChangesError::Malformed(format!("{}: split of {old} is empty or repeated", at.path)));
            }
        }
    }
    let misplaced = |list: &'static str, id: &str, reason: &'static str| {
        Err(ChangesError::Misplaced { version: version.to_owned(), list, id: id.to_owned(), reason })
    };
    for id in &changed {
        if !before.contains(id) {
            return misplaced("changed", id, "was not a question of that version");
        }
        if !now.contains(id) {
            return misplaced("changed", id, "is not a question of the current version");
        }
    }
    for id in &added {
        if before.contains(id) {
            return misplaced("added", id, "was already a question of that version");
        }
        if !now.contains(id) {
            return misplaced("added", id, "is not a question of the current version");
        }
    }
    for id in &removed {
        if !before.contains(id) {
            return misplaced("removed", id, "was not a question of that version");
        }
        if now.contains(id) {
            return misplaced("removed", id, "is still a question of the current version");
        }
    }
    let mut new_from_split = Set::new();
    for (old, into) in &split {
        if !before.contains(old) || now.contains(old) {
            return misplaced("split", old, "must be a question of that version that is no longer asked");
        }
        for id in into {
            if before.contains(id) || !now.contains(id) || added.contains(id) || !new_from_split.insert(id.clone()) {
                return misplaced("split", id, "must be a new question of the current version, named once");
            }
        }
    }
    let unaccounted = |id: &str, reason: &'static str| {
        Err(ChangesError::Unaccounted { version: version.to_owned(), id: id.to_owned(), reason })
    };
    for id in now.difference(&before) {
        if !added.contains(id) && !new_from_split.contains(id) {
            return unaccounted(id, "is new in the current version but is neither added nor part of a split");
        }
    }
    for id in before.difference(now) {
        if !removed.contains(id) && !split.contains_key(id) {
            return unaccounted(id, "is no longer asked but is neither removed nor split");
        }
    }
    Ok(Since { version: version.to_owned(), questions: before, changed, split, added, removed })
}

#[cfg(test)]
mod tests {
    use super::*;

    const STRUCTURE: &str = r#"{
      "id": "t", "version": "3.0.0", "law_as_of": "2026-12-01",
      "scoring": { "default_target": 3, "critical_min_level": 2, "critical_cap": 39 },
      "bands": [{ "id": "low", "min": 0 }, { "id": "high", "min": 50 }],
      "domains": [{ "id": "d", "question": [
        { "id": "A-01", "weight": 1, "indices": ["cloud_readiness"], "responsibility": { "iaas": "customer", "paas": "customer", "saas": "customer" }, "references": ["GDPR:5"] },
        { "id": "A-02", "weight": 1, "indices": ["cloud_readiness"], "responsibility": { "iaas": "customer", "paas": "customer", "saas": "customer" }, "references": ["GDPR:5"] },
        { "id": "A-03", "weight": 1, "indices": ["cloud_readiness"], "responsibility": { "iaas": "customer", "paas": "customer", "saas": "customer" }, "references": ["GDPR:5"] },
        { "id": "A-04", "weight": 1, "indices": ["cloud_readiness"], "responsibility": { "iaas": "customer", "paas": "customer", "saas": "customer" }, "references": ["GDPR:5"] },
        { "id": "A-05", "weight": 1, "indices": ["cloud_readiness"], "responsibility": { "iaas": "customer", "paas": "customer", "saas": "customer" }, "references": ["GDPR:5"] }
      ]}]
    }"#;

    /// 2.0.0 had A-01, A-02, OLD-01 (split into A-04, A-05) and GONE-01; A-03 is new; A-02 changed meaning.
    const CHANGES: &str = r#"{ "current": "3.0.0", "since": { "2.0.0": {
        "questions": ["A-01", "A-02", "OLD-01", "GONE-01"],
        "changed": ["A-02"], "added": ["A-03"], "removed": ["GONE-01"],
        "split": [{ "id": "OLD-01", "into": ["A-04", "A-05"] }]
    } } }"#;

    fn questionnaire() -> Questionnaire {
        Questionnaire::from_json(STRUCTURE).unwrap()
    }

    fn with(since: &str) -> String {
        format!(r#"{{ "current": "3.0.0", "since": {{ "2.0.0": {since} }} }}"#)
    }

    fn answers(ids: &[&str]) -> Map<String, AnswerValue> {
        ids.iter().map(|id| (id.to_string(), AnswerValue::Unknown)).collect()
    }

    #[test]
    fn every_kind_of_change_gives_its_notice() {
        let q = questionnaire();
        let changes = Changes::from_json(CHANGES, &q).unwrap();
        let notices = changes.notices(&q, "2.0.0", &answers(&["A-01", "A-02", "OLD-01", "GONE-01"])).unwrap();
        let got: Vec<(&str, &Notice)> = notices.iter().map(|n| (n.question.as_str(), &n.notice)).collect();
        let into = vec!["A-04".to_string(), "A-05".to_string()];
        assert_eq!(
            got,
            vec![
                ("A-01", &Notice::Kept),
                ("A-02", &Notice::Review),
                ("GONE-01", &Notice::Removed),
                ("OLD-01", &Notice::Split { into }),
                ("A-03", &Notice::Added { split_from: None }),
                ("A-04", &Notice::Added { split_from: Some("OLD-01".into()) }),
                ("A-05", &Notice::Added { split_from: Some("OLD-01".into()) }),
            ]
        );
        let kept: Vec<_> = notices.iter().filter(|n| n.notice.keeps_answer()).map(|n| n.question.as_str()).collect();
        assert_eq!(kept, ["A-01", "A-02"]);
    }

    #[test]
    fn a_new_question_already_answered_gets_no_added_notice() {
        let q = questionnaire();
        let changes = Changes::from_json(CHANGES, &q).unwrap();
        let notices = changes.notices(&q, "2.0.0", &answers(&["A-03"])).unwrap();
        assert!(notices.iter().all(|n| n.question != "A-03" || n.notice == Notice::Kept), "{notices:?}");
        assert!(notices.iter().any(|n| n.question == "A-04" && matches!(n.notice, Notice::Added { .. })));
    }

    #[test]
    fn a_current_file_keeps_everything_and_an_unknown_version_is_refused() {
        let q = questionnaire();
        let changes = Changes::from_json(CHANGES, &q).unwrap();
        let current = changes.notices(&q, "3.0.0", &answers(&["A-02", "A-05"])).unwrap();
        assert!(current.iter().all(|n| n.notice == Notice::Kept) && current.len() == 2);
        let e = changes.notices(&q, "0.9.0", &answers(&["A-01"])).unwrap_err();
        assert_eq!(e, NoticeError::UnknownVersion { found: "0.9.0".into(), current: "3.0.0".into() });
    }

    #[test]
    fn misplaced_or_forgotten_ids_are_refused_with_their_name() {
        let q = questionnaire();
        let cases = [
            // A-03 is new but not listed.
            (
                r#"{ "questions": ["A-01", "A-02", "OLD-01"], "split": [{ "id": "OLD-01", "into": ["A-04", "A-05"] }] }"#,
                "A-03",
            ),
            // GONE-01 disappeared without being removed.
            (r#"{ "questions": ["A-01", "A-02", "GONE-01"], "added": ["A-03", "A-04", "A-05"] }"#, "GONE-01"),
            // A changed question must exist in both versions.
            (r#"{ "questions": ["A-01", "A-02"], "changed": ["A-03"], "added": ["A-03", "A-04", "A-05"] }"#, "A-03"),
            // An added question cannot have existed before.
            (r#"{ "questions": ["A-01", "A-02", "A-03", "A-04", "A-05"], "added": ["A-01"] }"#, "A-01"),
            // A removed question cannot still be asked.
            (r#"{ "questions": ["A-01", "A-02", "A-03", "A-04", "A-05"], "removed": ["A-02"] }"#, "A-02"),
            // A split target must be new.
            (
                r#"{ "questions": ["A-01", "A-02", "A-03", "OLD-01"], "split": [{ "id": "OLD-01", "into": ["A-03", "A-04", "A-05"] }] }"#,
                "A-03",
            ),
        ];
        for (since, id) in cases {
            let e = Changes::from_json(&with(since), &q).unwrap_err();
            assert!(e.to_string().contains(id), "{since}: {e}");
        }
    }

    #[test]
    fn the_list_must_lead_to_the_questionnaire_version_and_name_each_version_once() {
        let q = questionnaire();
        let wrong = CHANGES.replace(r#""current": "3.0.0""#, r#""current": "2.5.0""#);
        assert!(matches!(Changes::from_json(&wrong, &q), Err(ChangesError::WrongCurrent { .. })));
        let same = r#"{ "current": "3.0.0", "since": { "3.0.0": { "questions": ["A-01", "A-02", "A-03", "A-04", "A-05"] } } }"#;
        assert_eq!(Changes::from_json(same, &q), Err(ChangesError::BadVersion("3.0.0".into())));
        assert!(matches!(
            Changes::from_json(r#"{ "current": "3.0.0", "extra": 1 }"#, &q),
            Err(ChangesError::Malformed(_))
        ));
    }
}
