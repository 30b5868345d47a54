//! Capture from the browser: the messages the extension sends, how they are
//! checked and answered, the socket to the running app and the host manifests.
//!
//! The path of a capture: the extension sends a message through native
//! messaging; the browser starts `commonplace` (the host) with the extension's
//! origin as an argument; the host checks the origin against our ids, reads one
//! framed message (at most [`MAX_MESSAGE_BYTES`]), checks it against the schema
//! below ([`parse`]) and relays it over the user-only socket to the running
//! app, which answers it ([`answer`]) on its library. When no app is running,
//! the host opens the library itself (taking the library lock) and answers it
//! the same way; the app shows those captures at its next start. Nothing
//! listens on a network port.
//!
//! Every message is hostile until checked: unknown fields, a wrong version, a
//! field over its size and any other shape are refused with a clear error, and
//! nothing is saved. An answer never exceeds the 1 MiB the browser accepts
//! from a host.

pub mod framing;
pub mod manifests;
pub mod socket;

use crate::{
    CaptureNote, CapturedPage, CapturedSelection, ClaimChoice, Error, Library, NewCapture, Result,
};
use serde::{Deserialize, Serialize};

/// The host's name in the manifests and in `runtime.sendNativeMessage`.
pub const HOST_NAME: &str = "app.commonplace.host";
/// The Chromium extension id, fixed by the public key in `extension/src/manifest.json`.
pub const CHROME_EXTENSION_ID: &str = "hcgnllkjlmcheccdfoleflhlhacojocf";
/// The Firefox extension id (`browser_specific_settings.gecko.id`).
pub const FIREFOX_EXTENSION_ID: &str = "clipper@commonplace.app";
/// The largest message accepted from the browser: Chromium's own limit for a
/// message to a host, and the largest page the web-page importer reads.
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024 * 1024;
/// The largest answer a browser accepts from a host.
pub const MAX_REPLY_BYTES: usize = 1024 * 1024;
/// The version of the message format.
pub const PROTOCOL_VERSION: u64 = 1;

const MAX_NOTE_CHARS: usize = 100_000;
const MAX_TAGS: usize = 100;
const MAX_TAG_CHARS: usize = 200;
const MAX_QUERY_CHARS: usize = 500;
const MAX_ID_CHARS: usize = 100;
const MAX_STATEMENT_CHARS: usize = 2_000;

/// A message from the extension (after its `"v": 1` envelope).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum Request {
    /// Is the host (and the app) there?
    Ping,
    /// Save a page, and the selection in it if any.
    Capture {
        page: CapturedPage,
        #[serde(default)]
        selection: Option<CapturedSelection>,
    },
    /// Add a note, tags or a claim to a capture's clip.
    Annotate {
        capture_id: String,
        #[serde(default)]
        note: Option<String>,
        #[serde(default)]
        tags: Option<Vec<String>>,
        #[serde(default)]
        claim: Option<ClaimChoice>,
    },
    /// Claims whose statement holds every word of `query` (type-ahead).
    Claims {
        #[serde(default)]
        query: String,
    },
    /// Take a capture back.
    Undo { capture_id: String },
}

/// Who started the host, from the arguments the browser gives it: Chromium
/// passes the extension's origin, Firefox the manifest's path and the
/// extension's id.
pub fn check_origin(args: &[String]) -> Result<&'static str> {
    let chrome = format!("chrome-extension://{CHROME_EXTENSION_ID}/");
    match args {
        [origin, ..] if origin.starts_with("chrome-extension://") => {
            if *origin == chrome {
                Ok("chromium")
            } else {
                Err(Error::Forbidden(format!(
                    "the extension {} is not the Commonplace extension: only {chrome} may capture",
                    printable(origin, 200)
                )))
            }
        }
        [_manifest, id, ..] => {
            if id == FIREFOX_EXTENSION_ID {
                Ok("firefox")
            } else {
                Err(Error::Forbidden(format!(
                    "the extension {} is not the Commonplace extension: only {FIREFOX_EXTENSION_ID} may capture",
                    printable(id, 200)
                )))
            }
        }
        _ => Err(Error::Forbidden(
            "no extension origin was given: the browser starts this host with the caller's origin"
                .into(),
        )),
    }
}

/// Whether the arguments are a browser starting the host (rather than a
/// person typing a command): an extension origin, or Firefox's manifest path
/// followed by an extension id.
pub fn is_host_invocation(args: &[String]) -> bool {
    match args {
        [origin, ..] if origin.starts_with("chrome-extension://") => true,
        [manifest, id] => {
            manifest.starts_with('/') && manifest.ends_with(".json") && !id.starts_with('-')
        }
        _ => false,
    }
}

/// Checks a message's bytes: size, JSON, version, shape and field sizes.
pub fn parse(bytes: &[u8]) -> Result<Request> {
    if bytes.len() > MAX_MESSAGE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        Error::InvalidInput(format!("the message from the browser is not JSON ({e})"))
    })?;
    let serde_json::Value::Object(mut fields) = value else {
        return Err(Error::InvalidInput(
            "the message from the browser is not an object".into(),
        ));
    };
    match fields.remove("v").and_then(|v| v.as_u64()) {
        Some(PROTOCOL_VERSION) => {}
        _ => {
            return Err(Error::InvalidInput(format!(
                "the message from the browser is not of version {PROTOCOL_VERSION}: update the extension or the app"
            )))
        }
    }
    let request: Request =
        serde_json::from_value(serde_json::Value::Object(fields)).map_err(|e| {
            Error::InvalidInput(format!(
                "the message from the browser does not have the expected form: {}",
                printable(&e.to_string(), 300)
            ))
        })?;
    check_sizes(&request)?;
    Ok(request)
}

/// The error for a message over the limit.
pub fn too_large(len: u64) -> Error {
    Error::TooLarge(format!(
        "the message from the browser is {:.1} MB, more than the {} MB Commonplace accepts: nothing was saved",
        len as f64 / 1_048_576.0,
        MAX_MESSAGE_BYTES / 1_048_576
    ))
}

fn check_sizes(request: &Request) -> Result<()> {
    let over = |what: &str, max: usize| {
        Error::TooLarge(format!("the {what} is longer than {max} characters"))
    };
    let chars = |s: &str| s.chars().count();
    match request {
        Request::Annotate {
            capture_id,
            note,
            tags,
            claim,
        } => {
            if chars(capture_id) > MAX_ID_CHARS {
                return Err(over("capture id", MAX_ID_CHARS));
            }
            if note.as_deref().is_some_and(|n| chars(n) > MAX_NOTE_CHARS) {
                return Err(over("note", MAX_NOTE_CHARS));
            }
            if let Some(tags) = tags {
                if tags.len() > MAX_TAGS || tags.iter().any(|t| chars(t) > MAX_TAG_CHARS) {
                    return Err(Error::TooLarge(format!(
                        "at most {MAX_TAGS} tags of {MAX_TAG_CHARS} characters each"
                    )));
                }
            }
            if let Some(claim) = claim {
                if claim
                    .statement
                    .as_deref()
                    .is_some_and(|s| chars(s) > MAX_STATEMENT_CHARS)
                    || claim
                        .id
                        .as_ref()
                        .is_some_and(|id| chars(id.as_str()) > MAX_ID_CHARS)
                {
                    return Err(over("claim", MAX_STATEMENT_CHARS));
                }
            }
        }
        Request::Undo { capture_id } if chars(capture_id) > MAX_ID_CHARS => {
            return Err(over("capture id", MAX_ID_CHARS))
        }
        Request::Claims { query } if chars(query) > MAX_QUERY_CHARS => {
            return Err(over("search", MAX_QUERY_CHARS))
        }
        _ => {}
    }
    Ok(())
}

/// Answers a checked message on the library.
pub fn handle(lib: &Library, request: Request) -> Result<serde_json::Value> {
    match request {
        Request::Ping => {
            Ok(serde_json::json!({ "app": "commonplace", "version": env!("CARGO_PKG_VERSION") }))
        }
        Request::Capture { page, selection } => {
            to_json(&lib.capture(NewCapture { page, selection })?)
        }
        Request::Annotate {
            capture_id,
            note,
            tags,
            claim,
        } => to_json(&lib.annotate_capture(&capture_id, CaptureNote { note, tags, claim })?),
        Request::Claims { query } => {
            let page = lib.claims_page(0, 8, &query)?;
            let claims: Vec<_> = page
                .items
                .into_iter()
                .map(|c| serde_json::json!({ "id": c.claim.id, "statement": c.claim.statement }))
                .collect();
            Ok(serde_json::Value::Array(claims))
        }
        Request::Undo { capture_id } => {
            lib.undo_capture(&capture_id)?;
            Ok(serde_json::json!({}))
        }
    }
}

/// A value as JSON (a serializer error is internal).
fn to_json<T: Serialize>(value: &T) -> Result<serde_json::Value> {
    serde_json::to_value(value).map_err(|e| Error::Internal {
        doing: "answering the browser".into(),
        detail: e.to_string(),
    })
}

/// The bytes of an answer: `{"ok": true, "result": ...}` or
/// `{"ok": false, "error": {"code", "message"}}`, never over the browser's limit.
pub fn encode_reply(result: Result<serde_json::Value>) -> Vec<u8> {
    let body = match result {
        Ok(result) => serde_json::json!({ "ok": true, "result": result }),
        Err(e) => {
            let error = crate::ApiError::from(e);
            serde_json::json!({ "ok": false, "error": error })
        }
    };
    let bytes = serde_json::to_vec(&body).unwrap_or_default();
    if bytes.len() <= MAX_REPLY_BYTES {
        return bytes;
    }
    encode_reply(Err(Error::TooLarge(
        "the answer is larger than the 1 MB a browser accepts from Commonplace".into(),
    )))
}

/// Checks and answers one message's bytes on the library (what the app's
/// socket server and the host without an app both do).
pub fn answer(lib: &Library, bytes: &[u8]) -> Vec<u8> {
    encode_reply(
        parse(bytes).and_then(|request| crate::guarded("capture", || handle(lib, request))),
    )
}

/// A string from outside, cut to `max` characters, control characters shown as `?`.
fn printable(s: &str, max: usize) -> String {
    s.chars()
        .take(max)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(json: &str) -> String {
        parse(json.as_bytes()).expect_err(json).to_string()
    }

    #[test]
    fn only_well_formed_messages_of_our_version_are_accepted() {
        assert!(matches!(
            parse(br#"{"v":1,"type":"ping"}"#),
            Ok(Request::Ping)
        ));
        assert!(matches!(
            parse(br#"{"v":1,"type":"capture","page":{"url":"https://a.example/","title":"A","html":"<html></html>"}}"#),
            Ok(Request::Capture { selection: None, .. })
        ));
        assert!(refused("{not json").contains("not JSON"));
        assert!(refused("[1]").contains("not an object"));
        assert!(refused(r#"{"type":"ping"}"#).contains("version 1"));
        assert!(refused(r#"{"v":2,"type":"ping"}"#).contains("version 1"));
        assert!(refused(r#"{"v":1,"type":"format-disk"}"#).contains("expected form"));
        assert!(
            refused(
                r#"{"v":1,"type":"capture","page":{"url":"https://a/","html":"","script":"x"}}"#
            )
            .contains("unknown field"),
            "an unknown field is refused, not ignored"
        );
        assert!(
            refused(r#"{"v":1,"type":"undo","captureId":"x","extra":1}"#).contains("unknown field")
        );
        let long = format!(r#"{{"v":1,"type":"claims","query":"{}"}}"#, "a".repeat(600));
        assert!(refused(&long).contains("longer than"));
    }

    #[test]
    fn only_our_extension_ids_may_start_the_host() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            check_origin(&args(&[&format!(
                "chrome-extension://{CHROME_EXTENSION_ID}/"
            )]))
            .unwrap(),
            "chromium"
        );
        assert_eq!(
            check_origin(&args(&[
                "/home/u/.mozilla/native-messaging-hosts/app.commonplace.host.json",
                FIREFOX_EXTENSION_ID
            ]))
            .unwrap(),
            "firefox"
        );
        for bad in [
            args(&["chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"]),
            args(&[&format!("chrome-extension://{CHROME_EXTENSION_ID}")]),
            args(&["/x.json", "evil@example.com"]),
            args(&[]),
        ] {
            assert_eq!(
                check_origin(&bad).unwrap_err().code(),
                crate::ErrorCode::Forbidden,
                "{bad:?}"
            );
        }
    }

    #[test]
    fn an_answer_never_exceeds_what_the_browser_accepts() {
        let big = serde_json::Value::String("x".repeat(MAX_REPLY_BYTES));
        let bytes = encode_reply(Ok(big));
        assert!(bytes.len() < 1000);
        let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(v["error"]["code"], "tooLarge");
    }
}
