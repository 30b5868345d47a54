//! Fetching a source by its address: a web page or a PDF, with a time limit, a
//! size cap and a redirect cap, the kind told by the content type and by the bytes
//! themselves, the original kept as a blob and the access date recorded. Failures
//! are said in words a writer understands: the address does not exist, the page is
//! gone, the site refused, a paywall, not a page at all.

use crate::sources::Imported;
use crate::{Error, Library, Result};
use model::{PartialDate, Source, SourceKind};
use std::io::Read;
use std::time::Duration;

/// The whole download's limit by default (see `Config::fetch_timeout`).
pub(crate) const TIMEOUT: Duration = Duration::from_secs(30);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const MAX_REDIRECTS: usize = 5;
const MAX_BYTES: u64 = ingest::MAX_INPUT_BYTES as u64;
/// Below this much readable text, a page that talks of subscribing is a paywall.
const PAYWALL_CHARS: usize = 600;

impl Library {
    /// Imports the page or PDF at `url` as a new source.
    pub fn import_url(&self, url: &str, password: Option<&str>) -> Result<Source> {
        let imported = self.fetch(url, password)?;
        let meta = crate::sources::clean_meta(imported.meta)?;
        let mut source =
            crate::sources::build_source(imported.kind, meta, imported.blocks, self.now());
        source.origins = imported.origins;
        source.blob = imported.blob;
        self.write(|tx, _| crate::citations::insert_source(tx, &mut source))?;
        Ok(source)
    }

    pub(crate) fn fetch(&self, url: &str, password: Option<&str>) -> Result<Imported> {
        let url = url.trim();
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(Error::InvalidInput(format!(
                "`{url}` is not a web address: it must start with https:// or http://"
            )));
        }
        let client = reqwest::blocking::Client::builder()
            .timeout(self.config.fetch_timeout)
            .connect_timeout(CONNECT_TIMEOUT.min(self.config.fetch_timeout))
            .redirect(reqwest::redirect::Policy::limited(MAX_REDIRECTS))
            .user_agent(concat!("Commonplace/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::InvalidInput(format!("could not prepare the download: {e}")))?;
        let response = client.get(url).send().map_err(|e| in_words(url, &e))?;
        let status = response.status();
        if !status.is_success() {
            return Err(refused(status_in_words(url, status.as_u16())));
        }
        let final_url = response.url().to_string();
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_ascii_lowercase();
        if response.content_length().is_some_and(|n| n > MAX_BYTES) {
            return Err(refused(format!(
                "{url} is larger than the {} MB Commonplace imports at once",
                MAX_BYTES / 1_000_000
            )));
        }
        let mut bytes = Vec::new();
        response
            .take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                let kind = match e.kind() {
                    std::io::ErrorKind::TimedOut => crate::error::NetworkKind::Timeout,
                    _ => crate::error::NetworkKind::Other,
                };
                Error::Network {
                    kind,
                    message: format!("the download from {url} broke off: {e}"),
                }
            })?;
        if bytes.len() as u64 > MAX_BYTES {
            return Err(refused(format!(
                "{url} is larger than the {} MB Commonplace imports at once",
                MAX_BYTES / 1_000_000
            )));
        }
        let accessed = date_of(self.now());
        let mut imported = if content_type.contains("pdf") || bytes.starts_with(b"%PDF") {
            let name = final_url
                .rsplit('/')
                .next()
                .filter(|n| !n.is_empty())
                .unwrap_or("document.pdf");
            self.read_pdf(&bytes, password, std::path::Path::new(name))?
        } else if content_type.contains("html")
            || content_type.is_empty()
            || looks_like_html(&bytes)
        {
            let page = self.read_web_page(&bytes, Some(&final_url), url)?;
            let chars = page.blocks.iter().map(|b| b.text.chars().count()).sum();
            refuse_paywall(url, &bytes, chars)?;
            page
        } else if content_type.starts_with("text/plain") {
            let text = String::from_utf8_lossy(&bytes);
            let blocks = ingest::blocks(&text, ingest::TextFormat::Plain)
                .map_err(|e| Error::InvalidInput(format!("{url}: {e}")))?;
            let title = final_url.rsplit('/').next().unwrap_or(url).to_owned();
            let meta = model::SourceMeta {
                title,
                ..model::SourceMeta::default()
            };
            Imported::plain(SourceKind::Text, meta, blocks)
        } else {
            let kind = content_type.split(';').next().unwrap_or("unknown");
            return Err(refused(format!(
                "{url} is not a web page or a PDF (the site says it is {kind})"
            )));
        };
        if imported.meta.url.is_none() {
            imported.meta.url = Some(final_url);
            imported.origins.insert("url".into(), "fetch".into());
        }
        imported.meta.accessed = Some(accessed);
        imported.origins.insert("accessed".into(), "fetch".into());
        Ok(imported)
    }
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    head.contains("<html") || head.contains("<!doctype html")
}

/// Refuses a page that talks of subscribing and shows fewer than
/// `PAYWALL_CHARS` characters of article text (`chars`).
pub(crate) fn refuse_paywall(url: &str, bytes: &[u8], chars: usize) -> Result<()> {
    let html = String::from_utf8_lossy(bytes).to_lowercase();
    let walled = html.contains("\"isaccessibleforfree\":false")
        || html.contains("\"isaccessibleforfree\": false")
        || html.contains("\"isaccessibleforfree\":\"false\"")
        || [
            "subscribe to continue",
            "subscribe to read",
            "log in to continue",
            "sign in to continue",
            "paywall",
            "to keep reading",
        ]
        .iter()
        .any(|m| html.contains(m));
    if walled && chars < PAYWALL_CHARS {
        return Err(refused(format!(
            "{url} looks like a paywall: only {chars} characters of the article are visible. \
             Open it in your browser while signed in, save the page (Ctrl+S) and import the file."
        )));
    }
    Ok(())
}

/// A failed request in words, with its kind told by the error's types, not its
/// text: a timeout, a refused or unreachable address, a TLS failure (a rustls
/// error in the chain), and otherwise a connection that never started, which
/// is a name that did not resolve.
fn in_words(url: &str, e: &reqwest::Error) -> Error {
    use crate::error::NetworkKind;

    let (kind, message) = if e.is_timeout() {
        (
            NetworkKind::Timeout,
            format!("{url} did not answer in time; try again later"),
        )
    } else if e.is_redirect() {
        (
            NetworkKind::Other,
            format!("{url} redirects too many times (more than {MAX_REDIRECTS}); the address may be broken"),
        )
    } else if chain_has(e, |e| e.downcast_ref::<rustls::Error>().is_some()) {
        (
            NetworkKind::Tls,
            format!("the secure connection to {url} failed: the site's certificate could not be verified"),
        )
    } else if chain_has(e, |e| {
        e.downcast_ref::<std::io::Error>().is_some_and(|io| {
            use std::io::ErrorKind::*;
            matches!(
                io.kind(),
                ConnectionRefused | NetworkUnreachable | HostUnreachable | ConnectionReset
            )
        })
    }) {
        (
            NetworkKind::Refused,
            format!("could not connect to {url}: the site may be down, or you may be offline"),
        )
    } else if e.is_connect() {
        (
            NetworkKind::Dns,
            format!("the address {url} could not be found: check its spelling, or your connection"),
        )
    } else {
        (NetworkKind::Other, format!("could not download {url}: {e}"))
    };
    Error::Network { kind, message }
}

/// Whether any error in `e`'s chain passes `test`. I/O errors wrap others
/// without giving them as their source (a rustls error travels inside two of
/// them), so their inner errors are walked too.
fn chain_has(
    e: &reqwest::Error,
    test: impl Fn(&(dyn std::error::Error + 'static)) -> bool,
) -> bool {
    let mut pending: Vec<&(dyn std::error::Error + 'static)> = vec![e];
    while let Some(e) = pending.pop() {
        if test(e) {
            return true;
        }
        if let Some(inner) = e
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
        {
            pending.push(inner);
        }
        if let Some(source) = e.source() {
            pending.push(source);
        }
    }
    false
}

/// An answer that cannot be imported.
fn refused(message: String) -> Error {
    Error::Network {
        kind: crate::error::NetworkKind::Other,
        message,
    }
}

fn status_in_words(url: &str, status: u16) -> String {
    match status {
        404 | 410 => {
            format!("{url} was not found ({status}): the page may have moved or been removed")
        }
        401..=403 => format!(
            "{url} refused access ({status}): it may need a login or a subscription. \
             Save the page from your browser while signed in and import the file."
        ),
        429 => format!("{url} asks to slow down (429): try again in a few minutes"),
        500..=599 => format!("{url} had a server error ({status}); try again later"),
        _ => format!("{url} answered with status {status}, not a page"),
    }
}

/// The calendar date (UTC) of a timestamp in milliseconds.
pub(crate) fn date_of(ms: i64) -> PartialDate {
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let days = ms.div_euclid(86_400_000);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    PartialDate {
        year,
        month: Some(month),
        day: Some(day),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn timestamps_become_calendar_dates() {
        assert_eq!(super::date_of(0).to_string(), "1970-01-01");
        assert_eq!(super::date_of(1_767_225_600_000).to_string(), "2026-01-01");
        assert_eq!(super::date_of(951_782_400_000).to_string(), "2000-02-29");
    }
}
