//! The HTTP `Retry-After` header (RFC 9110 §10.2.3).

use core::fmt;
use core::str::FromStr;
use core::time::Duration;

/// What a `Retry-After` header asks for: a delay in seconds, or a time.
///
/// ```
/// use core::time::Duration;
/// use errors_runtime::RetryAfter;
///
/// let delay: RetryAfter = "120".parse()?;
/// assert_eq!(delay, RetryAfter::Seconds(120));
///
/// let date: RetryAfter = "Wed, 21 Oct 2015 07:28:00 GMT".parse()?;
/// assert_eq!(date, RetryAfter::At { unix_seconds: 1_445_412_480 });
/// assert_eq!(date.delay_from(1_445_412_400), Duration::from_secs(80));
/// # Ok::<(), errors_runtime::InvalidRetryAfter>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RetryAfter {
    /// `delta-seconds`: wait this long.
    Seconds(u64),
    /// An HTTP-date: wait until then, as seconds since the Unix epoch.
    At {
        /// Seconds since 1970-01-01T00:00:00Z.
        unix_seconds: u64,
    },
}

impl RetryAfter {
    /// The delay as seen at `now_unix_seconds`; a time in the past is no delay.
    pub const fn delay_from(self, now_unix_seconds: u64) -> Duration {
        match self {
            RetryAfter::Seconds(seconds) => Duration::from_secs(seconds),
            RetryAfter::At { unix_seconds } => Duration::from_secs(unix_seconds.saturating_sub(now_unix_seconds)),
        }
    }

    /// The delay from now, by the system clock.
    #[cfg(feature = "std")]
    pub fn delay(self) -> Duration {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        self.delay_from(now)
    }
}

/// A `Retry-After` value that is neither delta-seconds nor an HTTP-date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidRetryAfter;

impl fmt::Display for InvalidRetryAfter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`Retry-After` is neither a number of seconds nor an HTTP-date")
    }
}

impl core::error::Error for InvalidRetryAfter {}

impl FromStr for RetryAfter {
    type Err = InvalidRetryAfter;

    /// Reads delta-seconds (`"120"`) or an HTTP-date in any of the three
    /// forms RFC 9110 accepts: IMF-fixdate (`"Sun, 06 Nov 1994 08:49:37
    /// GMT"`), RFC 850 (`"Sunday, 06-Nov-94 08:49:37 GMT"`) and asctime
    /// (`"Sun Nov  6 08:49:37 1994"`).
    fn from_str(value: &str) -> Result<Self, Self::Err> {
        let value = value.trim();
        if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
            // More seconds than a u64 holds is still "a very long time".
            return Ok(RetryAfter::Seconds(value.parse().unwrap_or(u64::MAX)));
        }
        http_date(value).map(|unix_seconds| RetryAfter::At { unix_seconds }).ok_or(InvalidRetryAfter)
    }
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Seconds since the epoch of an HTTP-date in any of its three forms.
fn http_date(value: &str) -> Option<u64> {
    let (mut day, mut month, mut year, mut time) = (None, None, None, None);
    for token in value.split([' ', ',', '-']).filter(|t| !t.is_empty()) {
        if token.contains(':') {
            time = Some(clock(token)?);
        } else if let Some(m) = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(token)) {
            month = Some(m as u64 + 1);
        } else if token.bytes().all(|b| b.is_ascii_digit()) {
            let n: u64 = token.parse().ok()?;
            match token.len() {
                1 | 2 if day.is_none() => day = Some(n),
                // RFC 850's two-digit years, read with a fixed pivot (00-69
                // are 20xx, 70-99 are 19xx) rather than RFC 9110's 50 years
                // from now, which would need a clock.
                2 => year = Some(if n < 70 { 2000 + n } else { 1900 + n }),
                4 => year = Some(n),
                _ => return None,
            }
        } else if !token.eq_ignore_ascii_case("gmt") && !is_weekday(token) {
            // HTTP-dates are in GMT; another zone or word is not one.
            return None;
        }
    }
    let (day, month, year, seconds) = (day?, month?, year?, time?);
    if day == 0 || day > days_in_month(year, month) || year < 1970 {
        return None;
    }
    Some(days_from_civil(year, month, day)? * 86_400 + seconds)
}

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A weekday, short (`Sun`) or long (`Sunday`, RFC 850).
fn is_weekday(token: &str) -> bool {
    WEEKDAYS.iter().any(|day| {
        token.get(..3).is_some_and(|start| start.eq_ignore_ascii_case(day))
            && (token.len() == 3
                || token.get(token.len().saturating_sub(3)..).is_some_and(|end| end.eq_ignore_ascii_case("day")))
    })
}

fn days_in_month(year: u64, month: u64) -> u64 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `HH:MM:SS` as seconds of the day.
fn clock(token: &str) -> Option<u64> {
    let mut parts = token.split(':').map(|p| p.parse::<u64>().ok().filter(|_| p.len() == 2));
    let (h, m, s) = (parts.next()??, parts.next()??, parts.next()??);
    (parts.next().is_none() && h < 24 && m < 60 && s <= 60).then_some(h * 3600 + m * 60 + s)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: u64, month: u64, day: u64) -> Option<u64> {
    let y = if month <= 2 { year.checked_sub(1)? } else { year };
    let era = y / 400;
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe).checked_sub(719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_date_forms_agree() {
        let want = RetryAfter::At { unix_seconds: 784_111_777 };
        for text in ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"] {
            assert_eq!(text.parse(), Ok(want), "{text}");
        }
    }

    #[test]
    fn leap_days_are_dates() {
        assert!("Thu, 29 Feb 2024 00:00:00 GMT".parse::<RetryAfter>().is_ok());
        assert!("Thu, 29 Feb 2100 00:00:00 GMT".parse::<RetryAfter>().is_err());
    }

    #[test]
    fn bad_values_are_errors() {
        for text in [
            "",
            "soon",
            "-5",
            "1.5",
            "Sun, 32 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 25:00:00 GMT",
            "Tue, 31 Feb 2026 08:00:00 GMT",
            "Sun, 06 Nov 1994 08:49:37 PST",
        ] {
            assert_eq!(text.parse::<RetryAfter>(), Err(InvalidRetryAfter), "{text}");
        }
        assert_eq!("99999999999999999999999".parse(), Ok(RetryAfter::Seconds(u64::MAX)));
    }
}
