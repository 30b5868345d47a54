//! Whether what a draft cites is the source a quote was found in.
//!
//! Each kind of citation is compared with the metadata it can be checked against:
//! an address with the source's address (scheme, `www.`, trailing slash, tracking
//! parameters and fragments, text fragments `#:~:text=` included, do not count; a
//! doi.org address with the DOI; a bare site address with the site); a Pandoc key
//! with the source's key; a footnote by the address, title, author, site or
//! publisher it names; a name ("Reuters said", "according to Zhang") with an
//! author's family name, an organisation, the site or publisher, its initials
//! ("IEA"), or the site's domain ("reuters" for reuters.com). Names are compared
//! as words, in lower case, accents removed.

mod directory;

pub use directory::Directory;

use crate::draft::scan_urls;
use crate::quotes::Citation;
use model::{Author, SourceMeta};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;
use url::Url;

/// Whether `cited` names `source` (whose citation key, if any, is `source_key`).
pub fn attribution_matches(
    cited: &Citation,
    source: &SourceMeta,
    source_key: Option<&str>,
) -> bool {
    match cited {
        Citation::Url(url) => url_matches(url, source),
        Citation::Key(key) => {
            source_key == Some(key.as_str()) || source.citation_key.as_deref() == Some(key.as_str())
        }
        Citation::Footnote(text) => footnote_matches(text, source),
        Citation::Said(name) => name_matches(name, source),
    }
}

/// An address in comparable form: host without `www.`, path without trailing
/// slash, query without tracking parameters, no scheme, no fragment.
pub(crate) fn comparable_url(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let with_scheme = if raw.starts_with("www.") {
        format!("https://{raw}")
    } else {
        raw.to_owned()
    };
    let url = Url::parse(&with_scheme).ok()?;
    let host = url.host_str()?.trim_start_matches("www.").to_lowercase();
    let path = url.path().trim_end_matches('/');
    let query: Vec<String> = url
        .query_pairs()
        .filter(|(k, _)| {
            !k.starts_with("utm_") && !["fbclid", "gclid", "ref", "smid"].contains(&k.as_ref())
        })
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{}", query.join("&"))
    };
    Some(format!("{host}{port}{path}{query}"))
}

fn host_of(raw: &str) -> Option<String> {
    comparable_url(raw).map(|u| {
        u.split(['/', '?', ':'])
            .next()
            .unwrap_or_default()
            .to_owned()
    })
}

fn doi_of(raw: &str) -> Option<String> {
    let url = Url::parse(raw.trim()).ok()?;
    let host = url.host_str()?;
    if host != "doi.org" && host != "dx.doi.org" {
        return None;
    }
    Some(percent_decoded(url.path().trim_matches('/')).to_lowercase())
}

/// `%2F` and the like decoded; DOIs in addresses are often escaped.
fn percent_decoded(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn url_matches(cited: &str, source: &SourceMeta) -> bool {
    let Some(c) = comparable_url(cited) else {
        return false;
    };
    let addresses = [&source.url, &source.canonical_url];
    if addresses
        .iter()
        .filter_map(|a| a.as_deref())
        .any(|a| comparable_url(a).as_deref() == Some(&c))
    {
        return true;
    }
    if let (Some(doi), Some(source_doi)) = (doi_of(cited), &source.doi) {
        return doi == source_doi.trim().to_lowercase();
    }
    // A link to a site's front page cites the site, as "Reuters said" does.
    let site_only = !c.contains('/');
    site_only
        && addresses
            .iter()
            .filter_map(|a| a.as_deref())
            .any(|a| host_of(a).as_deref() == Some(&c))
}

/// A name as words: lower case, accents removed, punctuation dropped.
fn words(s: &str) -> Vec<String> {
    let plain: String = s
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase();
    plain
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn contains(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Names a source goes by: organisations, site, publisher (without "the").
fn outlet_names(source: &SourceMeta) -> Vec<Vec<String>> {
    let orgs = source.authors.iter().filter_map(|a| match a {
        Author::Organization { name } => Some(name.as_str()),
        Author::Person { .. } => None,
    });
    orgs.chain(source.container_title.as_deref())
        .chain(source.publisher.as_deref())
        .map(|n| {
            let mut w = words(n);
            if w.first().is_some_and(|f| f == "the") {
                w.remove(0);
            }
            w
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn family_names(source: &SourceMeta) -> Vec<Vec<String>> {
    source
        .authors
        .iter()
        .filter_map(|a| match a {
            Author::Person { family, .. } => Some(words(family)),
            Author::Organization { .. } => None,
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn initials(name: &[String]) -> String {
    name.iter()
        .filter(|w| !["of", "for", "and", "the", "de", "on"].contains(&w.as_str()))
        .filter_map(|w| w.chars().next())
        .collect()
}

fn name_matches(name: &str, source: &SourceMeta) -> bool {
    let mut said = words(name);
    if said.first().is_some_and(|f| f == "the") {
        said.remove(0);
    }
    if said.is_empty() {
        return false;
    }
    if family_names(source).iter().any(|f| contains(&said, f)) {
        return true;
    }
    let joined: String = said.concat();
    if outlet_names(source).iter().any(|o| {
        contains(&said, o)
            || *o == said
            || (said.len() == 1 && initials(o) == joined && joined.len() > 1)
    }) {
        return true;
    }
    [&source.url, &source.canonical_url]
        .iter()
        .filter_map(|a| a.as_deref().and_then(host_of))
        .any(|host| host.split('.').next() == Some(joined.as_str()))
}

fn footnote_matches(text: &str, source: &SourceMeta) -> bool {
    let urls: Vec<String> = scan_urls(text);
    if urls.iter().any(|u| url_matches(u, source)) {
        return true;
    }
    let hay = words(text);
    let title = words(&source.title);
    let main_title = words(source.title.split([':', '|']).next().unwrap_or_default());
    if contains(&hay, &title) || (main_title.len() >= 2 && contains(&hay, &main_title)) {
        return true;
    }
    if !urls.is_empty() {
        // The note points somewhere else; an author or a site named beside that
        // address does not make it this source.
        return false;
    }
    family_names(source).iter().any(|f| contains(&hay, f))
        || outlet_names(source).iter().any(|o| contains(&hay, o))
}

#[cfg(test)]
mod tests;
