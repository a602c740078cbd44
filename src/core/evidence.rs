//! The evidence register: checking an entry the user typed before it joins an
//! answer, so that every file written can be read again. A local file is kept
//! as its name and SHA-256 only; its bytes never reach the core.

use super::i18n::Language;
use super::results::{Evidence, EvidenceFile, MAX_EVIDENCE_PER_QUESTION, MAX_EVIDENCE_TEXT_CHARS, MAX_LABEL_CHARS};

/// What the user typed for one piece of evidence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EvidenceDraft {
    pub title: String,
    pub location: String,
    pub owner: String,
    /// `YYYY-MM-DD` or empty.
    pub review_by: String,
    /// The chosen file's name and its SHA-256 as computed in the browser.
    pub file: Option<EvidenceFile>,
}

/// Why an evidence entry cannot be added; the draft stays as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EvidenceError {
    /// The title is empty.
    NoTitle,
    /// A text is longer than its limit.
    TooLong { limit: usize },
    /// The review date is not a real `YYYY-MM-DD` date.
    BadDate { found: String },
    /// The hash is not 64 hexadecimal digits (a browser fault, never the user's).
    BadHash,
    /// The question has as much evidence as a file may hold.
    TooMany,
}

impl EvidenceError {
    /// The message in a language.
    pub fn message(&self, lang: &Language) -> String {
        match self {
            EvidenceError::NoTitle => lang.t("evidence.error_title").to_owned(),
            EvidenceError::TooLong { limit } => lang.fill("evidence.error_long", &[("limit", &limit.to_string())]),
            EvidenceError::BadDate { found } => lang.fill("evidence.error_date", &[("found", found)]),
            EvidenceError::BadHash => lang.t("evidence.error_hash").to_owned(),
            EvidenceError::TooMany => {
                lang.fill("evidence.error_many", &[("limit", &MAX_EVIDENCE_PER_QUESTION.to_string())])
            }
        }
    }
}

/// Whether a text is a SHA-256 as files carry it: 64 lower-case hexadecimal digits.
pub fn is_sha256(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Lower-case hexadecimal of bytes (a digest as Web Crypto returns it).
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn text(value: &str, limit: usize) -> Result<Option<String>, EvidenceError> {
    let value: String = value.chars().filter(|c| !c.is_control()).collect();
    let value = value.trim();
    if value.chars().count() > limit {
        return Err(EvidenceError::TooLong { limit });
    }
    Ok((!value.is_empty()).then(|| value.to_owned()))
}

impl EvidenceDraft {
    /// The entry to record, if the draft is complete and fits a results file.
    /// `existing` is how many entries the question already has.
    pub fn check(&self, existing: usize) -> Result<Evidence, EvidenceError> {
        if existing >= MAX_EVIDENCE_PER_QUESTION {
            return Err(EvidenceError::TooMany);
        }
        let title = text(&self.title, MAX_EVIDENCE_TEXT_CHARS)?.ok_or(EvidenceError::NoTitle)?;
        let review_by = text(&self.review_by, 10)
            .map_err(|_| EvidenceError::BadDate { found: self.review_by.trim().to_owned() })?;
        if let Some(day) = &review_by {
            if !super::time::is_date(day) {
                return Err(EvidenceError::BadDate { found: day.clone() });
            }
        }
        let file = match &self.file {
            Some(f) if !is_sha256(&f.sha256) => return Err(EvidenceError::BadHash),
            Some(f) => Some(EvidenceFile {
                name: text(&f.name, MAX_EVIDENCE_TEXT_CHARS)?.unwrap_or_else(|| "file".to_owned()),
                sha256: f.sha256.clone(),
            }),
            None => None,
        };
        Ok(Evidence {
            title,
            location: text(&self.location, MAX_EVIDENCE_TEXT_CHARS)?,
            owner: text(&self.owner, MAX_LABEL_CHARS)?,
            review_by,
            file,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_writes_two_lower_case_digits_per_byte() {
        assert_eq!(hex(&[0, 15, 16, 255]), "000f10ff");
        assert!(is_sha256(&hex(&[0xab; 32])));
        assert!(!is_sha256(&hex(&[0xab; 31])));
        assert!(!is_sha256(&"A".repeat(64)));
    }
}
