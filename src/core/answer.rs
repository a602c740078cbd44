//! An answer to one question: a maturity level, "not applicable" or "don't know".

/// A maturity level from 0 (not in place) to 4 (verified, measured and improved).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Level(u8);

impl Level {
    /// The highest level.
    pub const MAX: Level = Level(4);
    /// The lowest level.
    pub const MIN: Level = Level(0);

    /// A level, if `value` is within 0..=4.
    pub fn new(value: u8) -> Option<Level> {
        (value <= 4).then_some(Level(value))
    }

    /// The level as a number.
    pub fn get(self) -> u8 {
        self.0
    }

    /// Every level, lowest first.
    pub fn all() -> impl Iterator<Item = Level> {
        (0..=4).map(Level)
    }
}

/// What the user said about one question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AnswerValue {
    /// The practice is at this level.
    Level(Level),
    /// The practice does not concern this organisation (only where the question allows it).
    NotApplicable,
    /// The person answering does not know; scored as level 0.
    Unknown,
}

impl AnswerValue {
    /// The level this answer counts as in scores, or `None` when it is excluded (not applicable).
    pub fn scored_level(self) -> Option<u8> {
        match self {
            AnswerValue::Level(l) => Some(l.get()),
            AnswerValue::Unknown => Some(0),
            AnswerValue::NotApplicable => None,
        }
    }

    /// The value as written in results files: 0-4, "na" or "unknown".
    pub fn to_json(self) -> crate::core::json::Json {
        use crate::core::json::Json;
        match self {
            AnswerValue::Level(l) => Json::int(l.get()),
            AnswerValue::NotApplicable => Json::str("na"),
            AnswerValue::Unknown => Json::str("unknown"),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for AnswerValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "AnswerValue".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A maturity level 0-4, \"na\" (not applicable, where the question allows it) or \"unknown\" (don't know, scored as 0).",
            "oneOf": [
                { "type": "integer", "minimum": 0, "maximum": 4 },
                { "type": "string", "enum": ["na", "unknown"] }
            ]
        })
    }
}
