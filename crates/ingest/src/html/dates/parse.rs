//! Reading dates as pages write them. Two shapes: a machine-readable value (a
//! meta tag's `content`, JSON-LD, a `datetime` attribute), which is ISO 8601,
//! RFC 2822 or, failing those, words; and running text, where any date may
//! appear in many languages and orders (`06.08.2019`, `6 August 2019`,
//! `6. August 2019`, `6 de agosto de 2019`, `2019年8月6日`).
//!
//! A timestamp's day is the day as written, by its own offset: the publisher's
//! local day. Converting to UTC would move an evening article in the Americas
//! to the next day. What the clock said is kept ([`Zone`]) so that a bare UTC
//! instant can yield to the day the page shows its readers. `chrono` does the
//! calendar checks and RFC 2822; the patterns are ours.

use chrono::{DateTime, Datelike, NaiveDate};
use model::PartialDate;
use regex::Regex;
use std::sync::LazyLock;

/// What the clock of a timestamp said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// `Z`, `+00:00`, `GMT`: an instant, whose UTC day may not be the local
    /// one; the UTC hour says which neighbouring day a local clock could show.
    Utc { hour: Option<u8> },
    /// Another offset: the day is the publisher's local day.
    Offset,
    /// A date alone, or a time without offset: the day as the publisher wrote it.
    Unknown,
}

/// A date read from a value, with what its clock said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub date: PartialDate,
    pub zone: Zone,
    /// Minutes and seconds of the time, when written: the same instant in
    /// another zone shows the same ones, which ties a UTC stamp to its local twin.
    pub clock: Option<(u8, u8)>,
}

/// Which number comes first in `06/08/2019`: the page's language decides
/// (American English writes the month first), unless a number above 12 does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    DayFirst,
    MonthFirst,
}

/// Pages are not older than the web, and years far ahead are typos or ids.
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

pub fn full(year: i32, month: u32, day: u32) -> Option<PartialDate> {
    if !YEARS.contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)?;
    Some(PartialDate {
        year,
        month: Some(month as u8),
        day: Some(day as u8),
    })
}

fn year_month(year: i32, month: u32) -> Option<PartialDate> {
    (YEARS.contains(&year) && (1..=12).contains(&month)).then_some(PartialDate {
        year,
        month: Some(month as u8),
        day: None,
    })
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?|(\d{2})(\d{2}))?
          (?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?
          (?:$|[^\d])",
    )
    .expect("a valid pattern")
});

/// A machine-readable value: ISO 8601 (with or without time and offset,
/// `2019-08-06`, `2019/8/6`, `20190806`, `2019-08`, `2019`), RFC 2822, else
/// the first date written in words.
pub fn value(input: &str) -> Option<Stamp> {
    let s = input.trim();
    if let Some(c) = ISO.captures(s) {
        let year: i32 = c[1].parse().ok()?;
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let hour = c.get(6).and_then(|h| h.as_str().parse::<u8>().ok());
        let clock = match (num(7), num(8)) {
            (Some(m), Some(s)) => Some((m as u8, s as u8)),
            _ => None,
        };
        let zone = match c.get(9).map(|m| m.as_str().to_ascii_uppercase()) {
            None => Zone::Unknown,
            Some(z) if z == "Z" || z == "UTC" || z == "GMT" => Zone::Utc { hour },
            Some(z)
                if z.trim_start_matches(['+', '-'])
                    .bytes()
                    .all(|b| b == b'0' || b == b':') =>
            {
                Zone::Utc { hour }
            }
            Some(_) => Zone::Offset,
        };
        let date = match (num(2).or(num(4)), num(3).or(num(5))) {
            (Some(m), Some(d)) => full(year, m, d),
            (Some(m), None) => year_month(year, m),
            (None, _) if s.len() == 4 && YEARS.contains(&year) => Some(PartialDate {
                year,
                month: None,
                day: None,
            }),
            _ => None,
        };
        if let Some(date) = date {
            return Some(Stamp { date, zone, clock });
        }
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(s) {
        let zone = if t.offset().local_minus_utc() == 0 {
            Zone::Utc {
                hour: Some(chrono::Timelike::hour(&t) as u8),
            }
        } else {
            Zone::Offset
        };
        let d = t.date_naive();
        let clock = Some((
            chrono::Timelike::minute(&t) as u8,
            chrono::Timelike::second(&t) as u8,
        ));
        return full(d.year(), d.month(), d.day()).map(|date| Stamp { date, zone, clock });
    }
    let found = in_text(s, Order::DayFirst);
    let best = found
        .iter()
        .find(|f| f.date.day.is_some())
        .or(found.first())?;
    Some(Stamp {
        date: best.date,
        zone: Zone::Unknown,
        clock: None,
    })
}

/// A date found in running text, and where (byte offset) it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub at: usize,
    pub end: usize,
    /// Read with a two-digit year ("30.10.23"): only worth taking where a
    /// date is expected.
    pub loose: bool,
    pub date: PartialDate,
}

/// Month names and their usual abbreviations in the languages the web writes
/// most in, in the forms dates use (Polish, Russian and Czech in the genitive).
const MONTH_NAMES: [&str; 12] = [
    "january jan januar jänner jaenner janvier janv enero gennaio genn janeiro januari stycznia styczeń января январь ledna ocak tammikuuta január",
    "february feb februar février fevrier févr fevr febrero febbraio fevereiro fev februari lutego luty февраля февраль února şubat helmikuuta február",
    "march mar märz maerz mrz mär mars marzo março maart marca marzec марта март března mart maaliskuuta március",
    "april apr avril avr abril aprile aprila kwietnia kwiecień апреля апрель dubna nisan huhtikuuta április",
    "may mai mayo maggio maio mei maja maj мая май května mayıs toukokuuta május",
    "june jun juni juin junio giugno junho czerwca czerwiec июня июнь června haziran kesäkuuta június",
    "july jul juli juillet juil julio luglio julho lipca lipiec июля июль července temmuz heinäkuuta július",
    "august aug août aout agosto augustus augusti sierpnia sierpień августа август srpna ağustos elokuuta augusztus",
    "september sep sept septembre septiembre setiembre settembre setembro września wrzesień сентября сентябрь září eylül syyskuuta szeptember",
    "october oct oktober okt octobre octubre ottobre outubro października październik октября октябрь října ekim lokakuuta október",
    "november nov novembre noviembre novembro listopada listopad ноября ноябрь listopadu kasım marraskuuta",
    "december dec dezember dez décembre decembre déc diciembre dic dicembre dezembro dez grudnia grudzień декабря декабрь prosince aralık joulukuuta desember december",
];

static MONTHS: LazyLock<Vec<(String, u32)>> = LazyLock::new(|| {
    let mut names: Vec<(String, u32)> = MONTH_NAMES
        .iter()
        .enumerate()
        .flat_map(|(i, list)| list.split(' ').map(move |n| (n.to_owned(), i as u32 + 1)))
        .collect();
    // Longest first, so that "juni" is not read as "jun" followed by "i".
    names.sort_by_key(|n| std::cmp::Reverse(n.0.chars().count()));
    names.dedup_by(|a, b| a.0 == b.0);
    names
});

fn month_number(name: &str) -> Option<u32> {
    let name = name.to_lowercase();
    let name = name.trim_end_matches('.');
    MONTHS.iter().find(|(n, _)| n == name).map(|(_, m)| *m)
}

static PATTERNS: LazyLock<Vec<(Shape, Regex)>> = LazyLock::new(|| {
    let months = MONTHS
        .iter()
        .map(|(n, _)| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|");
    let m = format!(r"((?:{months})\b\.?)");
    let pattern = |shape, p: String| (shape, Regex::new(&p).expect("a valid pattern"));
    vec![
        pattern(
            Shape::Ymd,
            r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})".into(),
        ),
        pattern(Shape::Ymd, r"\b(\d{4})-(\d{2})-(\d{2})(?:\b|T)".into()),
        pattern(Shape::Ymd, r"\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b".into()),
        pattern(
            Shape::Dmy,
            r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b".into(),
        ),
        pattern(
            Shape::Numeric,
            r"\b(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b".into(),
        ),
        pattern(
            Shape::DmyShort,
            r"\b(\d{1,2})\.(\d{1,2})\.(\d{2})(?:$|[^\d.]|\.(?:$|\s))".into(),
        ),
        pattern(
            Shape::DayName,
            format!(
                r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th|er|º|\.)?\s*(?:de\s+)?{m}\s*,?\s*(?:de\s+)?(\d{{4}})\b"
            ),
        ),
        pattern(
            Shape::NameDay,
            format!(r"(?i)\b{m}\s*(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(\d{{4}})\b"),
        ),
        pattern(
            Shape::YearName,
            format!(r"(?i)\b(\d{{4}})\.?\s*{m}\s*(\d{{1,2}})\b"),
        ),
        pattern(Shape::NameYear, format!(r"(?i)\b{m}\s*,?\s*(\d{{4}})\b")),
    ]
});

#[derive(Clone, Copy)]
enum Shape {
    Ymd,
    Dmy,
    DmyShort,
    Numeric,
    DayName,
    NameDay,
    YearName,
    NameYear,
}

/// Every date written in `text`, in order, overlapping readings dropped (the
/// earlier, then longer one wins). Dates to the day come before a bare
/// "August 2019" at the same place.
pub fn in_text(text: &str, order: Order) -> Vec<Found> {
    let mut found: Vec<(usize, usize, PartialDate, bool)> = Vec::new();
    for (shape, re) in PATTERNS.iter() {
        for c in re.captures_iter(text) {
            let whole = c.get(0).expect("a match");
            let n = |i: usize| c[i].parse::<u32>().ok();
            let date = match shape {
                Shape::Ymd => n(1).and_then(|y| full(y as i32, n(2)?, n(3)?)),
                Shape::Dmy => n(3).and_then(|y| full(y as i32, n(2)?, n(1)?)),
                // 00-69 are this century's years, 90-99 the last one's.
                Shape::DmyShort => n(3).and_then(|y| {
                    let y = if y < 70 { 2000 + y } else { 1900 + y };
                    full(y as i32, n(2)?, n(1)?)
                }),
                Shape::Numeric => numeric(n(1), n(2), n(3), order),
                Shape::DayName => full(
                    n(3).unwrap_or(0) as i32,
                    month_number(&c[2]).unwrap_or(0),
                    n(1).unwrap_or(0),
                ),
                Shape::NameDay => full(
                    n(3).unwrap_or(0) as i32,
                    month_number(&c[1]).unwrap_or(0),
                    n(2).unwrap_or(0),
                ),
                Shape::YearName => full(
                    n(1).unwrap_or(0) as i32,
                    month_number(&c[2]).unwrap_or(0),
                    n(3).unwrap_or(0),
                ),
                Shape::NameYear => {
                    year_month(n(2).unwrap_or(0) as i32, month_number(&c[1]).unwrap_or(0))
                }
            };
            if let Some(date) = date {
                let loose = matches!(shape, Shape::DmyShort);
                found.push((whole.start(), whole.end(), date, loose));
            }
        }
    }
    // At one place, a full year before a short one, a day before a month.
    found.sort_by_key(|&(start, end, d, loose)| {
        (start, loose, d.day.is_none(), std::cmp::Reverse(end))
    });
    let mut out: Vec<Found> = Vec::new();
    let mut taken_until = 0;
    for (start, end, date, loose) in found {
        if start < taken_until {
            continue;
        }
        taken_until = end;
        out.push(Found {
            at: start,
            end,
            loose,
            date,
        });
    }
    out
}

fn numeric(a: Option<u32>, b: Option<u32>, y: Option<u32>, order: Order) -> Option<PartialDate> {
    let (a, b, y) = (a?, b?, y? as i32);
    match order {
        _ if a > 12 => full(y, b, a),
        _ if b > 12 => full(y, a, b),
        Order::DayFirst => full(y, b, a),
        Order::MonthFirst => full(y, a, b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_keep_the_day_as_written_and_say_what_the_clock_was() {
        let cases = [
            ("2019-08-06", Some(("2019-08-06", Zone::Unknown))),
            (
                "2019-08-06T20:15:00-05:00",
                Some(("2019-08-06", Zone::Offset)),
            ),
            (
                "2019-08-06T23:30:00+0200",
                Some(("2019-08-06", Zone::Offset)),
            ),
            (
                "2019-08-07T01:15:00Z",
                Some(("2019-08-07", Zone::Utc { hour: Some(1) })),
            ),
            (
                "2019-08-07T01:15:00+00:00",
                Some(("2019-08-07", Zone::Utc { hour: Some(1) })),
            ),
            ("2019-08-06 18:09:55", Some(("2019-08-06", Zone::Unknown))),
            ("2019/8/6", Some(("2019-08-06", Zone::Unknown))),
            ("20190806", Some(("2019-08-06", Zone::Unknown))),
            ("2019-08", Some(("2019-08", Zone::Unknown))),
            ("2019", Some(("2019", Zone::Unknown))),
            (
                "Tue, 06 Aug 2019 20:15:00 -0500",
                Some(("2019-08-06", Zone::Offset)),
            ),
            (
                "Tue, 06 Aug 2019 20:15:00 GMT",
                Some(("2019-08-06", Zone::Utc { hour: Some(20) })),
            ),
            ("August 6, 2019", Some(("2019-08-06", Zone::Unknown))),
            ("2019-02-30", None),
            ("0001-01-01T00:00:00", None),
            ("12345", None),
            ("yesterday", None),
        ];
        for (input, want) in cases {
            let got = value(input).map(|s| (s.date.to_string(), s.zone));
            let want = want.map(|(d, z)| (d.to_owned(), z));
            assert_eq!(got, want, "reading the value {input:?}");
        }
    }

    #[test]
    fn running_text_in_many_languages_and_orders() {
        let cases = [
            (
                "Veröffentlicht am 06.08.2019 um 10:00",
                Order::DayFirst,
                "2019-08-06",
            ),
            ("Stand: 6.8.2019", Order::DayFirst, "2019-08-06"),
            ("Posted 6 August 2019", Order::DayFirst, "2019-08-06"),
            ("Berlin, 6. August 2019", Order::DayFirst, "2019-08-06"),
            ("August 6th, 2019 at 8pm", Order::MonthFirst, "2019-08-06"),
            ("Aug. 6, 2019", Order::MonthFirst, "2019-08-06"),
            ("le 6 août 2019", Order::DayFirst, "2019-08-06"),
            ("6 de agosto de 2019", Order::DayFirst, "2019-08-06"),
            ("6 sierpnia 2019", Order::DayFirst, "2019-08-06"),
            ("6 августа 2019 г.", Order::DayFirst, "2019-08-06"),
            ("2019年8月6日 10:00", Order::DayFirst, "2019-08-06"),
            ("2019. augusztus 6.", Order::DayFirst, "2019-08-06"),
            ("08/06/2019", Order::MonthFirst, "2019-08-06"),
            ("06/08/2019", Order::DayFirst, "2019-08-06"),
            ("13/08/2019", Order::MonthFirst, "2019-08-13"),
            ("Im August 2019", Order::DayFirst, "2019-08"),
            ("2019-08-06T10:15:00+02:00", Order::DayFirst, "2019-08-06"),
            ("Party, 06.08.19 ", Order::DayFirst, "2019-08-06"),
        ];
        for (text, order, want) in cases {
            let got = in_text(text, order);
            assert_eq!(
                got.first().map(|f| f.date.to_string()).as_deref(),
                Some(want),
                "the first date in {text:?}"
            );
        }
        assert_eq!(
            in_text("Version 1.2.2019 of 3 files, 12.5.3", Order::DayFirst).len(),
            1,
            "a dotted version only reads as a date where it makes one"
        );
        assert!(in_text("Call 555-1234 or room 12/14", Order::DayFirst).is_empty());
        assert!(in_text("Juniper and Mayo were 2019 stars", Order::DayFirst).is_empty());
    }
}
