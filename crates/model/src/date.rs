//! Dates with partial precision, as citations need them: a report is often dated
//! only by year, a magazine issue by year and month. CSL calls these "date-parts".

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A calendar date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PartialDate {
    pub year: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub month: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub day: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{input}` is not a date: write it as YYYY, YYYY-MM or YYYY-MM-DD")]
pub struct DateError {
    pub input: String,
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DateError {
            input: s.to_owned(),
        };
        let parts: Vec<&str> = s.trim().split('-').collect();
        if parts.is_empty() || parts.len() > 3 || parts.iter().any(|p| p.is_empty()) {
            return Err(err());
        }
        let number = |p: &str, len: usize| -> Result<u32, DateError> {
            if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err());
            }
            p.parse().map_err(|_| err())
        };
        let year = number(parts[0], 4)? as i32;
        let month = match parts.get(1) {
            Some(p) => Some(number(p, 2)? as u8),
            None => None,
        };
        let day = match parts.get(2) {
            Some(p) => Some(number(p, 2)? as u8),
            None => None,
        };
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(err());
            }
            if let Some(d) = day {
                if d < 1 || d > days_in_month(year, m) {
                    return Err(err());
                }
            }
        }
        Ok(PartialDate { year, month, day })
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl PartialDate {
    /// The date as a reader sees it in an attribution line: "5 March 2024",
    /// "March 2024" or "2024".
    pub fn human(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[m as usize - 1], self.year),
            (Some(m), None) => format!("{} {}", MONTHS[m as usize - 1], self.year),
            _ => self.year.to_string(),
        }
    }
}

/// ISO 8601 with the precision the date has: `2024`, `2024-03`, `2024-03-05`.
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        let got = match input.parse::<PartialDate>() {
            Ok(d) => format!("{d} / {}", d.human()),
            Err(e) => format!("error: {e}"),
        };
        assert_eq!(got, expect, "parsing {input:?}");
    }

    #[test]
    fn parses_each_precision_and_rejects_nonsense() {
        check("2024", "2024 / 2024");
        check("2024-03", "2024-03 / March 2024");
        check("2024-03-05", "2024-03-05 / 5 March 2024");
        check("2024-02-29", "2024-02-29 / 29 February 2024");
        check(
            "2023-02-29",
            "error: `2023-02-29` is not a date: write it as YYYY, YYYY-MM or YYYY-MM-DD",
        );
        check(
            "2024-13",
            "error: `2024-13` is not a date: write it as YYYY, YYYY-MM or YYYY-MM-DD",
        );
        check(
            "5 March",
            "error: `5 March` is not a date: write it as YYYY, YYYY-MM or YYYY-MM-DD",
        );
        check(
            "24-03-05",
            "error: `24-03-05` is not a date: write it as YYYY, YYYY-MM or YYYY-MM-DD",
        );
    }
}
