//! A page's publication and modification dates, each with where it came from.
//!
//! Candidates are gathered from every place a page may put a date and ranked by
//! how much that place can be trusted to describe the article: JSON-LD,
//! microdata and Highwire first; the article's own meta tags; a generic
//! `<meta name="date">` or Dublin Core date; the address; the visible text
//! near the title and byline. Published and modified dates are kept apart
//! throughout. Two corrections are made to the best candidate, both from the
//! same idea that the citation wants the day the publisher wrote:
//! - a bare UTC instant (`…Z`) yields to a date within a day of it that carries
//!   the publisher's own clock (an offset, a local time, the visible text);
//! - a date known only to the year or month yields to a full date that agrees.
//!
//! One correction is made between the two: a page that shows its reader only
//! its declared update, by the headline, and never its declared publication
//! day, is cited by the date it shows.

mod declared;
pub(crate) use declared::in_comment;
pub mod parse;
mod visible;

use dom_query::Document;
use model::PartialDate;
use parse::{Stamp, Zone};
use serde_json::Value;

pub use parse::Order;

/// A date and the place it was read from ("jsonld", "microdata", "highwire",
/// "meta", "dublincore", "address", "text", ...).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Dated {
    pub date: PartialDate,
    pub origin: String,
}

/// The dates a page gives, told apart.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct PageDates {
    pub published: Option<Dated>,
    pub modified: Option<Dated>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Published,
    Modified,
}

/// How far a place is trusted, most first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Tier {
    Declared,
    ArticleMeta,
    GenericMeta,
    Address,
    Visible,
    /// An address's year and month alone: a folder as often as a date.
    Coarse,
}

#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    stamp: Stamp,
    kind: Kind,
    tier: Tier,
    origin: &'static str,
}

impl Candidate {
    pub(crate) fn new(stamp: Stamp, kind: Kind, tier: Tier, origin: &'static str) -> Self {
        Candidate {
            stamp,
            kind,
            tier,
            origin,
        }
    }
}

/// What the date finder reads besides the parsed page.
pub struct Inputs<'a> {
    pub doc: &'a Document,
    /// Every JSON-LD object, and the article among them, if any.
    pub objects: &'a [Value],
    pub article: Option<&'a Value>,
    /// Every `<meta>` as (lower-cased key, content).
    pub metas: &'a [(String, String)],
    /// The address the page was fetched from, when known.
    pub url: Option<&'a str>,
    /// The page's own canonical address (`<link rel=canonical>`, `og:url`).
    pub canonical: Option<&'a str>,
    pub order: Order,
    /// The page's title as its metadata gives it, to find the headline.
    pub title: &'a str,
}

/// Finds the page's published and modified dates.
pub fn find(inputs: &Inputs<'_>) -> PageDates {
    let mut all = Vec::new();
    declared::json_ld(inputs.article, &mut all);
    if inputs.article.is_none() {
        declared::json_ld_other(inputs.objects, &mut all);
    }
    declared::microdata(inputs.doc, &mut all);
    declared::meta_tags(inputs.metas, &mut all);
    declared::microformats(inputs.doc, &mut all);
    if let Some(url) = inputs.url {
        declared::address(url, "address", &mut all);
    }
    if let Some(url) = inputs.canonical {
        declared::address(url, "canonical address", &mut all);
    }
    let shown = visible::dates(inputs.doc, inputs.title, inputs.order, &mut all);
    all.sort_by_key(|c| c.tier);
    let modified = choose(&all, Kind::Modified);
    let published = choose(&all, Kind::Published).map(|published| match modified.as_ref() {
        Some(m) if shows_only_the_update(&all, &published, m, &shown) => Dated {
            date: m.date,
            origin: "text".into(),
        },
        _ => published,
    });
    PageDates {
        published,
        modified,
    }
}

/// Whether the page gives its reader the declared update as the article's
/// date: the update is the date shown by the headline, while the declared
/// publication day appears nowhere on the page (a first version the page no
/// longer shows, or a creation date its system keeps). The citation then
/// takes the date the publisher shows, as style guides ask for a page's
/// date of last update when it gives one.
fn shows_only_the_update(
    all: &[Candidate],
    published: &Dated,
    modified: &Dated,
    shown: &[PartialDate],
) -> bool {
    let declared = |origin: &str| {
        all.iter()
            .any(|c| c.origin == origin && c.tier <= Tier::GenericMeta)
    };
    modified.date.day.is_some()
        && published.date.day.is_some()
        && declared(&published.origin)
        && declared(&modified.origin)
        && signed_days(modified.date, published.date).is_some_and(|d| d > 0)
        && !shown.contains(&published.date)
        && all
            .iter()
            .any(|c| c.tier == Tier::Visible && c.stamp.date == modified.date)
}

fn choose(all: &[Candidate], kind: Kind) -> Option<Dated> {
    let mine: Vec<&Candidate> = all.iter().filter(|c| c.kind == kind).collect();
    let best = *mine.first()?;
    let mut chosen = (best.stamp.date, best.origin);
    if let Zone::Utc { hour } = best.stamp.zone {
        if let Some(local) =
            local_twin(&mine, &best.stamp).or_else(|| local_day(&mine, best.stamp.date, hour))
        {
            chosen = (local.stamp.date, local.origin);
        }
    }
    if chosen.0.day.is_none() {
        if let Some(finer) = mine
            .iter()
            .find(|c| c.stamp.date.day.is_some() && agrees(c.stamp.date, chosen.0))
        {
            chosen = (finer.stamp.date, finer.origin);
        }
    }
    Some(Dated {
        date: chosen.0,
        origin: chosen.1.to_owned(),
    })
}

/// The same instant as a UTC stamp written with a local clock elsewhere on
/// the page: same minutes and seconds (not both zero), a day apart at most.
/// `None` when there is none or it is on the UTC day anyway.
fn local_twin<'a>(mine: &[&'a Candidate], utc: &Stamp) -> Option<&'a Candidate> {
    let clock = utc.clock.filter(|c| *c != (0, 0))?;
    let twin = mine.iter().find(|c| {
        !matches!(c.stamp.zone, Zone::Utc { .. })
            && c.stamp.clock == Some(clock)
            && signed_days(c.stamp.date, utc.date).is_some_and(|d| d.abs() <= 1)
    })?;
    (twin.stamp.date != utc.date).then_some(*twin)
}

/// The publisher's local day for a UTC instant, when the page gives it: a
/// date with a local clock (an offset, a local time, the first date shown
/// under the headline) on the UTC day confirms it; else one on the day before
/// (possible only if the UTC hour is before noon, as offsets reach -12) or
/// after (only from 10:00 UTC, as offsets reach +14) replaces it.
fn local_day<'a>(
    mine: &[&'a Candidate],
    utc: PartialDate,
    hour: Option<u8>,
) -> Option<&'a Candidate> {
    let first_visible = mine.iter().position(|c| c.tier == Tier::Visible);
    let local: Vec<&Candidate> = mine
        .iter()
        .enumerate()
        .filter(|(i, c)| {
            !matches!(c.stamp.zone, Zone::Utc { .. })
                && c.stamp.date.day.is_some()
                && (c.tier != Tier::Visible || Some(*i) == first_visible)
        })
        .map(|(_, c)| *c)
        .collect();
    if local.iter().any(|c| c.stamp.date == utc) {
        return None;
    }
    let hour = hour.unwrap_or(12);
    local
        .into_iter()
        .find(|c| match signed_days(c.stamp.date, utc) {
            Some(-1) => hour < 12,
            Some(1) => hour >= 10,
            _ => false,
        })
}

/// Whether a full date falls within a partial one (2019-08-06 within 2019-08).
fn agrees(full: PartialDate, partial: PartialDate) -> bool {
    full.year == partial.year && partial.month.is_none_or(|m| full.month == Some(m))
}

/// Days from `b` to `a` (negative when `a` is earlier).
fn signed_days(a: PartialDate, b: PartialDate) -> Option<i64> {
    let day = |d: PartialDate| {
        chrono::NaiveDate::from_ymd_opt(d.year, u32::from(d.month?), u32::from(d.day?))
    };
    Some((day(a)? - day(b)?).num_days())
}

/// The order of numeric dates for a page's language: American English writes
/// the month first; every other language, and English elsewhere, the day.
pub fn order_for(lang: Option<&str>) -> Order {
    let lang = lang
        .unwrap_or_default()
        .to_ascii_lowercase()
        .replace('_', "-");
    if lang == "en" || lang == "en-us" {
        Order::MonthFirst
    } else {
        Order::DayFirst
    }
}

#[cfg(test)]
mod tests;
