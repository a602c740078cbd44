//! RFC 3339 timestamps without a clock: the caller gives the time.

/// Formats seconds since 1970-01-01 UTC as `YYYY-MM-DDThh:mm:ssZ`.
pub fn rfc3339(unix_seconds: i64) -> String {
    let days = unix_seconds.div_euclid(86_400);
    let secs = unix_seconds.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", secs / 3600, secs / 60 % 60, secs % 60)
}

/// The calendar date of a valid RFC 3339 timestamp, as written (no time-zone shift).
pub fn date_of(timestamp: &str) -> Option<(i64, u8, u8)> {
    if !is_rfc3339(timestamp) {
        return None;
    }
    let y = timestamp[0..4].parse().ok()?;
    let m = timestamp[5..7].parse().ok()?;
    let d = timestamp[8..10].parse().ok()?;
    Some((y, m, d))
}

/// The `YYYY-MM-DD` part of a valid timestamp, for file names.
pub fn day_of(timestamp: &str) -> Option<&str> {
    date_of(timestamp).map(|_| &timestamp[0..10])
}

/// Whether `text` is a calendar date `YYYY-MM-DD` that exists (`2027-02-29` does not).
pub fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return false;
    }
    let num = |r: std::ops::Range<usize>| text[r].parse::<u32>().unwrap_or(u32::MAX);
    let (year, month, day) = (num(0..4), num(5..7), num(8..10));
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

/// Whether `text` is an RFC 3339 date-time such as `2026-11-28T15:29:16Z` or `2026-11-28T16:29:16.250+01:00`.
pub fn is_rfc3339(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r.clone()).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let num = |r: std::ops::Range<usize>| text[r].parse::<u32>().unwrap_or(u32::MAX);
    if b.len() < 20 || !digits(0..4) || b[4] != b'-' || !digits(5..7) || b[7] != b'-' || !digits(8..10) {
        return false;
    }
    if !matches!(b[10], b'T' | b't')
        || !digits(11..13)
        || b[13] != b':'
        || !digits(14..16)
        || b[16] != b':'
        || !digits(17..19)
    {
        return false;
    }
    let (year, month, day) = (num(0..4), num(5..7), num(8..10));
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return false;
    }
    if num(11..13) > 23 || num(14..16) > 59 || num(17..19) > 60 {
        return false;
    }
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let n = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        rest = &fraction[n..];
    }
    match rest.as_bytes() {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            [h1, h2, m1, m2].iter().all(|c| c.is_ascii_digit())
                && (h1 - b'0') * 10 + (h2 - b'0') <= 23
                && (m1 - b'0') * 10 + (m2 - b'0') <= 59
        }
        _ => false,
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_795_879_756), "2026-11-28T15:29:16Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn accepts_rfc3339_and_refuses_look_alikes() {
        assert!(is_rfc3339("2026-11-28T15:29:16Z"));
        assert!(is_rfc3339("2026-11-28T16:29:16.250+01:00"));
        assert!(!is_rfc3339("2026-11-28"));
        assert!(!is_rfc3339("2026-02-29T00:00:00Z"));
        assert!(!is_rfc3339("2026-11-28 15:29:16Z"));
        assert!(!is_rfc3339("2026-13-01T00:00:00Z"));
        assert!(!is_rfc3339("2026-11-28T15:29:16"));
        assert!(!is_rfc3339("２０２６-11-28T15:29:16Z"));
        assert_eq!(day_of("2026-11-28T15:29:16Z"), Some("2026-11-28"));
    }
}
