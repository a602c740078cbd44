#![cfg(not(target_arch = "wasm32"))]
//! Differential tests: the core's own JSON reader (src/core/json.rs) against
//! serde_json, and its RFC 3339 code (src/core/time.rs) against the `time`
//! crate, on generated inputs, valid and mutated. Both references are host
//! dev-dependencies only; the widget carries neither.
//!
//! Where the core deliberately differs, the difference is stated and tested
//! on its own below, and the properties allow exactly that difference:
//! - JSON: a key given twice is refused (serde_json keeps the last value);
//!   nesting is limited to `MAX_DEPTH` (128) levels, serde_json's limit is 127;
//!   numbers are kept as written, so a number beyond f64 such as `1e400` is
//!   accepted (serde_json refuses it as out of range).
//! - time: a second of 60 (a leap second, which RFC 3339 allows) is accepted
//!   at any time of day, since no table of leap seconds is kept (the `time`
//!   crate accepts one only at 23:59:60 UTC on the last day of a month); only
//!   `T` or `t` separates date and time, as RFC 3339's grammar says (the `time`
//!   crate accepts any single byte there, a space among them, which RFC 3339
//!   §5.6 permits only "by mutual agreement"); years outside 0000–9999 cannot be written
//!   in RFC 3339, and `rfc3339()` then writes a longer or signed year that
//!   `is_rfc3339` refuses (the `time` crate refuses to format them at all).

use cloudtriage::core::json::{Json, JsonError, MAX_DEPTH};
use cloudtriage::core::time::{date_of, is_rfc3339, rfc3339};
use proptest::prelude::*;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

// ---------------------------------------------------------------- JSON

/// A generated document, written out by [`write`] in one of several equivalent spellings.
#[derive(Clone, Debug)]
enum Doc {
    Null,
    Bool(bool),
    Int(i64),
    /// A number beyond `i64`, which serde_json keeps as `u64`.
    Big(u64),
    /// `mantissa` × 10^`exponent`, spelled by `style`; exponents within ±22 and
    /// mantissas below 2^53 give a correctly rounded f64 in serde_json too.
    Float {
        negative: bool,
        mantissa: u32,
        exponent: i8,
        style: u8,
    },
    /// A string and how to escape it.
    Str(String, u8),
    Arr(Vec<Doc>),
    /// Distinct keys (duplicates are a documented difference, tested apart).
    Obj(Vec<((String, u8), Doc)>),
}

fn doc() -> impl Strategy<Value = Doc> {
    let text = (proptest::collection::vec(any::<char>(), 0..8), 0u8..3).prop_map(|(c, s)| (c.into_iter().collect(), s));
    let leaf = prop_oneof![
        Just(Doc::Null),
        any::<bool>().prop_map(Doc::Bool),
        any::<i64>().prop_map(Doc::Int),
        (i64::MAX as u64 + 1..=u64::MAX).prop_map(Doc::Big),
        (any::<bool>(), any::<u32>(), -22i8..=22, 0u8..4)
            .prop_map(|(negative, mantissa, exponent, style)| Doc::Float { negative, mantissa, exponent, style }),
        text.clone().prop_map(|(s, style)| Doc::Str(s, style)),
    ];
    leaf.prop_recursive(5, 64, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Doc::Arr),
            proptest::collection::vec((text.clone(), inner), 0..6).prop_map(|members| {
                let mut seen = std::collections::BTreeSet::new();
                Doc::Obj(members.into_iter().filter(|((k, _), _)| seen.insert(k.clone())).collect())
            }),
        ]
    })
}

fn write_string(out: &mut String, s: &str, style: u8) {
    out.push('"');
    for c in s.chars() {
        let code = u32::from(c);
        let short = match c {
            '"' => Some("\\\""),
            '\\' => Some("\\\\"),
            '\n' => Some("\\n"),
            '\r' => Some("\\r"),
            '\t' => Some("\\t"),
            '\u{8}' if style == 2 => Some("\\b"),
            '\u{c}' if style == 2 => Some("\\f"),
            '/' if style == 2 => Some("\\/"),
            _ => None,
        };
        if let Some(escape) = short {
            out.push_str(escape);
        } else if code < 0x20 || (style >= 1 && code > 0x7e) {
            // Outside the basic plane, a surrogate pair; upper-case hex in style 2.
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                if style == 2 {
                    out.push_str(&format!("\\u{unit:04X}"));
                } else {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
        } else {
            out.push(c);
        }
    }
    out.push('"');
}

/// Writes a document, taking white space between tokens from `space` in turn.
fn write(doc: &Doc, out: &mut String, space: &mut dyn Iterator<Item = &'static str>) {
    fn gap(out: &mut String, space: &mut dyn Iterator<Item = &'static str>) {
        out.push_str(space.next().unwrap());
    }
    match doc {
        Doc::Null => out.push_str("null"),
        Doc::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Doc::Int(i) => out.push_str(&i.to_string()),
        Doc::Big(u) => out.push_str(&u.to_string()),
        Doc::Float { negative, mantissa, exponent, style } => {
            if *negative {
                out.push('-');
            }
            match style {
                0 => out.push_str(&format!("{mantissa}e{exponent}")),
                1 => out.push_str(&format!("{mantissa}E{}{}", if *exponent >= 0 { "+" } else { "-" }, exponent.abs())),
                // A decimal point: the last `places` digits are the fraction (exponent ignored).
                _ => {
                    let digits = mantissa.to_string();
                    let places = (exponent.unsigned_abs() as usize % 4).min(digits.len().saturating_sub(1)).max(1);
                    let digits =
                        if digits.len() <= places { format!("{digits:0>width$}", width = places + 1) } else { digits };
                    let (whole, fraction) = digits.split_at(digits.len() - places);
                    out.push_str(&format!("{whole}.{fraction}"));
                }
            }
        }
        Doc::Str(s, style) => write_string(out, s, *style),
        Doc::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                gap(out, space);
                write(item, out, space);
                gap(out, space);
            }
            out.push(']');
        }
        Doc::Obj(members) => {
            out.push('{');
            for (i, ((key, style), value)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                gap(out, space);
                write_string(out, key, *style);
                gap(out, space);
                out.push(':');
                gap(out, space);
                write(value, out, space);
                gap(out, space);
            }
            out.push('}');
        }
    }
}

fn text_of(doc: &Doc, spaces: &[u8]) -> String {
    const SPACE: [&str; 6] = ["", " ", "\n", "\t", "\r\n", "  "];
    let mut space = spaces.iter().map(|&i| SPACE[usize::from(i) % SPACE.len()]).cycle();
    let mut out = String::new();
    write(doc, &mut out, &mut space);
    out
}

/// The value a generated number stands for.
fn float_value(doc: &Doc) -> f64 {
    let text = {
        let mut out = String::new();
        write(doc, &mut out, &mut std::iter::repeat(""));
        out
    };
    // Rust's parser is correctly rounded; the generated numbers need at most one rounding.
    text.parse().unwrap()
}

/// Whether a number as the core keeps it (its text) is the number serde_json read.
/// `exact`: serde_json is exact on the generated numbers; on arbitrary (mutated)
/// number text its default float parser may differ from a correctly rounded one in
/// the last bits, which the core does not decide (it keeps the text).
fn same_number(text: &str, number: &serde_json::Number, exact: bool) -> bool {
    if let (false, Ok(i)) = (text.contains(['.', 'e', 'E']), text.parse::<i128>()) {
        if let Some(n) = number.as_i64() {
            return i == i128::from(n);
        }
        if let Some(n) = number.as_u64() {
            return i == i128::from(n);
        }
    }
    let (ours, theirs) = (text.parse::<f64>().unwrap(), number.as_f64().unwrap());
    ours == theirs || (!exact && (ours - theirs).abs() <= ours.abs() * 8.0 * f64::EPSILON)
}

/// Whether the core's value and serde_json's are the same JSON value (keys in order on our side).
fn same_value(ours: &Json, theirs: &serde_json::Value, exact: bool) -> bool {
    use serde_json::Value;
    match (ours, theirs) {
        (Json::Null, Value::Null) => true,
        (Json::Bool(a), Value::Bool(b)) => a == b,
        (Json::Number(a), Value::Number(b)) => same_number(a, b, exact),
        (Json::String(a), Value::String(b)) => a == b,
        (Json::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_value(x, y, exact))
        }
        (Json::Object(a), Value::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same_value(v, w, exact)))
        }
        _ => false,
    }
}

/// Whether the core's value is the generated document itself, members in the order written.
fn is_doc(ours: &Json, doc: &Doc) -> bool {
    match (ours, doc) {
        (Json::Null, Doc::Null) => true,
        (Json::Bool(a), Doc::Bool(b)) => a == b,
        (Json::Number(_), Doc::Int(i)) => ours.as_integer() == Some(*i),
        (Json::Number(text), Doc::Big(u)) => text.parse::<u64>().ok() == Some(*u),
        (Json::Number(text), Doc::Float { .. }) => text.parse::<f64>().ok() == Some(float_value(doc)),
        (Json::String(a), Doc::Str(b, _)) => a == b,
        (Json::Array(a), Doc::Arr(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| is_doc(x, y)),
        (Json::Object(a), Doc::Obj(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|((k, v), ((key, _), value))| k == key && is_doc(v, value))
        }
        _ => false,
    }
}

/// Characters a mutation inserts: JSON's own punctuation and some that break it.
const INSERTED: &[char] = &[
    '{', '}', '[', ']', ',', ':', '"', '\\', '0', '1', '-', '+', '.', 'e', 'u', ' ', '\n', 'x', '\u{1}', 'é',
    '\u{feff}',
];

/// Applies edits at positions given as fractions of the text: delete, insert, replace or repeat a span.
fn mutate(text: &str, edits: &[(u16, u8, usize)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for &(at, op, pick) in edits {
        let i = usize::from(at) * chars.len() / (usize::from(u16::MAX) + 1);
        let c = INSERTED[pick % INSERTED.len()];
        match op % 4 {
            0 if !chars.is_empty() => {
                chars.remove(i.min(chars.len() - 1));
            }
            1 => chars.insert(i, c),
            2 if !chars.is_empty() => {
                let last = chars.len() - 1;
                chars[i.min(last)] = c;
            }
            _ => {
                let span: Vec<char> = chars[i..(i + 1 + pick % 6).min(chars.len())].to_vec();
                chars.splice(i..i, span);
            }
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn valid_documents_read_alike_and_as_generated(d in doc(), spaces in proptest::collection::vec(0u8..6, 1..16)) {
        let text = text_of(&d, &spaces);
        let ours = Json::parse(&text);
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        let (Ok(ours), Ok(theirs)) = (&ours, &theirs) else {
            return Err(TestCaseError::fail(format!("{text:?}: core {ours:?}, serde_json {theirs:?}")));
        };
        prop_assert!(is_doc(ours, &d), "{text:?}: {ours:?} is not {d:?}");
        prop_assert!(same_value(ours, theirs, true), "{text:?}: core {ours:?}, serde_json {theirs:?}");
        // What the core writes reads back to the same value in both.
        let again = ours.compact();
        let reread = Json::parse(&again);
        prop_assert_eq!(reread.as_ref(), Ok(ours));
        prop_assert!(same_value(ours, &serde_json::from_str(&again).unwrap(), true));
    }

    #[test]
    fn mutated_documents_are_refused_or_read_alike(
        d in doc(),
        spaces in proptest::collection::vec(0u8..6, 1..8),
        edits in proptest::collection::vec((any::<u16>(), any::<u8>(), any::<usize>()), 1..4),
    ) {
        let text = mutate(&text_of(&d, &spaces), &edits);
        let ours = Json::parse(&text);
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => prop_assert!(same_value(a, b, false), "{text:?}: core {a:?}, serde_json {b:?}"),
            (Err(_), Err(_)) => {}
            // Documented: a repeated key is refused; serde_json keeps the last value.
            (Err(JsonError::DuplicateKey { .. }), Ok(_)) => {}
            // Documented: numbers are kept as written; serde_json refuses those beyond f64.
            (Ok(_), Err(e)) if e.to_string().starts_with("number out of range") => {}
            _ => return Err(TestCaseError::fail(format!("{text:?}: core {ours:?}, serde_json {theirs:?}"))),
        }
    }

    #[test]
    fn a_repeated_key_is_refused_where_serde_json_keeps_the_last_value(
        key in "\\PC{0,6}", first in any::<i64>(), last in any::<i64>(), before in 0usize..3,
    ) {
        let mut key_text = String::new();
        write_string(&mut key_text, &key, 0);
        let others: Vec<String> = (0..before).map(|i| format!("\"other{i}\": {i}")).collect();
        let mut members = others.clone();
        members.push(format!("{key_text}: {first}"));
        members.push(format!("\n{key_text}: {last}"));
        let text = format!("{{{}}}", members.join(", "));
        let theirs: serde_json::Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&theirs[key.as_str()], &serde_json::json!(last));
        prop_assert_eq!(Json::parse(&text), Err(JsonError::DuplicateKey { key: key.clone(), line: 2 }));
    }
}

#[test]
fn nesting_limits_differ_by_one_level_as_documented() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let objects = |depth: usize| format!("{}1{}", "{\"k\":".repeat(depth), "}".repeat(depth));
    assert_eq!(MAX_DEPTH, 128);
    for text in [nested(127), objects(127)] {
        assert!(Json::parse(&text).is_ok() && serde_json::from_str::<serde_json::Value>(&text).is_ok());
    }
    // The core reads 128 levels; serde_json stops at 127.
    for text in [nested(128), objects(128)] {
        assert!(Json::parse(&text).is_ok());
        let e = serde_json::from_str::<serde_json::Value>(&text).unwrap_err();
        assert!(e.to_string().starts_with("recursion limit exceeded"), "{e}");
    }
    for text in [nested(129), objects(129)] {
        assert_eq!(Json::parse(&text), Err(JsonError::TooDeep));
        assert!(serde_json::from_str::<serde_json::Value>(&text).is_err());
    }
}

#[test]
fn numbers_beyond_f64_are_kept_as_written_where_serde_json_refuses_them() {
    for text in ["1e400", "-1e400", "[2.5e999]"] {
        assert!(Json::parse(text).is_ok(), "{text}");
        let e = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
        assert!(e.to_string().starts_with("number out of range"), "{text}: {e}");
    }
    assert_eq!(Json::parse("1e400"), Ok(Json::Number("1e400".into())));
    // Beyond u64, serde_json falls back to f64; the core keeps every digit.
    let big = "123456789012345678901234567890";
    assert_eq!(Json::parse(big), Ok(Json::Number(big.into())));
    assert_eq!(serde_json::from_str::<serde_json::Value>(big).unwrap().as_f64(), Some(1.2345678901234568e29));
}

// ---------------------------------------------------------------- time

/// 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the instants RFC 3339 can write.
const FIRST: i64 = -62_167_219_200;
const LAST: i64 = 253_402_300_799;

fn by_time_crate(unix: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(unix).unwrap()
}

/// A timestamp from its parts, each possibly out of range, spelled with `t` and `z` in upper or lower case.
#[allow(clippy::too_many_arguments)]
fn timestamp(
    year: u16,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
    fraction: &Option<String>,
    offset: &Option<(bool, u8, u8)>,
    lower: bool,
) -> String {
    let mut s =
        format!("{year:04}-{month:02}-{day:02}{}{hour:02}:{minute:02}:{second:02}", if lower { 't' } else { 'T' });
    if let Some(f) = fraction {
        s.push('.');
        s.push_str(f);
    }
    match offset {
        None => s.push(if lower { 'z' } else { 'Z' }),
        Some((plus, h, m)) => s.push_str(&format!("{}{h:02}:{m:02}", if *plus { '+' } else { '-' })),
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn instants_from_year_0_to_9999_are_written_exactly_as_the_time_crate_writes_them(unix in FIRST..=LAST) {
        let ours = rfc3339(unix);
        prop_assert_eq!(&ours, &by_time_crate(unix).format(&Rfc3339).unwrap());
        prop_assert!(is_rfc3339(&ours), "{}", ours);
        let d = by_time_crate(unix);
        prop_assert_eq!(date_of(&ours), Some((i64::from(d.year()), u8::from(d.month()), d.day())));
    }

    #[test]
    fn instants_near_1970_2000_and_now_are_written_alike(unix in prop_oneof![-200_000i64..200_000, 946_600_000i64..946_800_000, 1_790_000_000i64..1_800_000_000]) {
        prop_assert_eq!(rfc3339(unix), by_time_crate(unix).format(&Rfc3339).unwrap());
    }

    #[test]
    fn instants_outside_rfc_3339_years_keep_the_civil_date_but_are_not_rfc_3339(
        unix in prop_oneof![-31_619_087_596_800i64..FIRST, LAST + 1..=31_494_784_780_799i64],
    ) {
        // The `time` crate's large-dates range: years −999 999 to 999 999.
        let theirs = by_time_crate(unix);
        prop_assert!(theirs.format(&Rfc3339).is_err());
        let ours = rfc3339(unix);
        prop_assert!(!is_rfc3339(&ours), "{}", ours);
        // "<year>-MM-DDThh:mm:ssZ": the year is everything before the last 16 characters.
        let (year, rest) = ours.split_at(ours.len() - 16);
        let expected = format!(
            "-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            u8::from(theirs.month()), theirs.day(), theirs.hour(), theirs.minute(), theirs.second()
        );
        prop_assert_eq!(year.parse::<i32>().unwrap(), theirs.year(), "{}", ours);
        prop_assert_eq!(rest, expected.as_str());
    }

    #[test]
    fn timestamps_are_accepted_exactly_when_the_time_crate_accepts_them(
        year in 0u16..=9999, month in 0u8..=13, day in 0u8..=32, hour in 0u8..=24, minute in 0u8..=60, second in 0u8..=61,
        fraction in proptest::option::of("[0-9]{0,12}"),
        offset in proptest::option::of((any::<bool>(), 0u8..=25, 0u8..=61)),
        lower in any::<bool>(),
    ) {
        let s = timestamp(year, month, day, hour, minute, second, &fraction, &offset, lower);
        let theirs = OffsetDateTime::parse(&s, &Rfc3339);
        if second == 60 && theirs.is_err() && is_rfc3339(&s) {
            // Documented: a leap second is accepted; the `time` crate refuses all of them.
            // Everything else about the timestamp must still be valid for the `time` crate.
            let at_59 = timestamp(year, month, day, hour, minute, 59, &fraction, &offset, lower);
            prop_assert!(OffsetDateTime::parse(&at_59, &Rfc3339).is_ok(), "{}", s);
            return Ok(());
        }
        prop_assert_eq!(is_rfc3339(&s), theirs.is_ok(), "{}: {:?}", s, theirs);
        if let Ok(t) = theirs {
            // The date as written, without moving it by the offset.
            prop_assert_eq!(date_of(&s), Some((i64::from(t.year()), u8::from(t.month()), t.day())));
        } else {
            prop_assert_eq!(date_of(&s), None);
        }
    }

    #[test]
    fn mutated_timestamps_are_refused_or_accepted_alike(
        unix in FIRST..=LAST,
        fraction in proptest::option::of("[0-9]{1,4}"),
        offset in proptest::option::of((any::<bool>(), 0u8..=23, 0u8..=59)),
        edits in proptest::collection::vec((any::<u16>(), any::<u8>(), any::<usize>()), 1..3),
    ) {
        const INSERTED: &[char] = &['0', '1', '9', '-', '+', ':', '.', 'T', 't', 'Z', 'z', ' ', '６', 'é', 'x'];
        let base = by_time_crate(unix);
        let whole = timestamp(
            base.year() as u16, base.month().into(), base.day(), base.hour(), base.minute(), base.second(), &fraction, &offset, false,
        );
        let mut chars: Vec<char> = whole.chars().collect();
        for &(at, op, pick) in &edits {
            let i = usize::from(at) * chars.len() / (usize::from(u16::MAX) + 1);
            let c = INSERTED[pick % INSERTED.len()];
            match op % 3 {
                0 if !chars.is_empty() => {
                    chars.remove(i.min(chars.len() - 1));
                }
                1 => chars.insert(i, c),
                _ if !chars.is_empty() => {
                    let last = chars.len() - 1;
                    chars[i.min(last)] = c;
                }
                _ => {}
            }
        }
        let s: String = chars.into_iter().collect();
        let (ours, theirs) = (is_rfc3339(&s), OffsetDateTime::parse(&s, &Rfc3339));
        let documented = match (ours, &theirs) {
            // Another byte for `T`, which the `time` crate accepts: with `T` there, the core accepts too.
            (false, Ok(_)) => {
                let b = s.as_bytes();
                b.len() > 10 && !matches!(b[10], b'T' | b't') && b[10].is_ascii() && {
                    let mut with_t = b.to_vec();
                    with_t[10] = b'T';
                    is_rfc3339(std::str::from_utf8(&with_t).unwrap())
                }
            }
            // A leap second where the `time` crate does not expect one.
            (true, Err(_)) => s.get(17..19) == Some("60"),
            _ => false,
        };
        prop_assert!(ours == theirs.is_ok() || documented, "{}: core {}, time {:?}", s, ours, theirs);
    }
}

#[test]
fn the_documented_timestamp_differences_hold() {
    // Leap seconds: accepted here at any time of day; the `time` crate takes them only at 23:59:60 UTC
    // on the last day of a month (as on 2016-12-31, the last leap second so far).
    for s in ["2026-03-15T23:59:60Z", "2026-11-28T15:29:60+01:00", "2016-12-31T23:59:60+01:00"] {
        assert!(is_rfc3339(s) && OffsetDateTime::parse(s, &Rfc3339).is_err(), "{s}");
    }
    assert!(is_rfc3339("2016-12-31T23:59:60Z") && OffsetDateTime::parse("2016-12-31T23:59:60Z", &Rfc3339).is_ok());
    // Another separator than `T`: refused here, accepted by the `time` crate.
    for s in ["2026-11-28 15:29:16Z", "2026-11-28x15:29:16Z", "2026-11-28\u{0}15:29:16Z"] {
        assert!(!is_rfc3339(s) && OffsetDateTime::parse(s, &Rfc3339).is_ok(), "{s:?}");
    }
    assert!(is_rfc3339("2026-11-28t15:29:16z"));
    // Years outside 0000–9999.
    assert_eq!(rfc3339(FIRST - 1), "-001-12-31T23:59:59Z");
    assert_eq!(rfc3339(LAST + 1), "10000-01-01T00:00:00Z");
    assert!(by_time_crate(FIRST - 1).format(&Rfc3339).is_err() && by_time_crate(LAST + 1).format(&Rfc3339).is_err());
    // And what both agree on: the edges of the range, an unknown local offset, many fraction digits.
    assert_eq!(rfc3339(FIRST), "0000-01-01T00:00:00Z");
    assert_eq!(rfc3339(LAST), "9999-12-31T23:59:59Z");
    for s in ["2026-11-28T15:29:16-00:00", "2026-11-28T15:29:16.1234567891234Z", "0000-02-29T00:00:00Z"] {
        assert!(is_rfc3339(s) && OffsetDateTime::parse(s, &Rfc3339).is_ok(), "{s}");
    }
}
