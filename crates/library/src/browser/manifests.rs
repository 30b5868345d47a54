//! Native messaging host manifests: the small JSON files that tell a browser
//! which program to start for our extension, in each browser's per-user folder.
//! They name exactly our extension ids (`allowed_origins` for Chrome and
//! Chromium, `allowed_extensions` for Firefox), never a wildcard.

use super::{CHROME_EXTENSION_ID, FIREFOX_EXTENSION_ID, HOST_NAME};
use crate::{Error, Result};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The folders the manifests go in, passed in by the shell (so tests pin them).
#[derive(Debug, Clone)]
pub struct BrowserDirs {
    /// `$XDG_CONFIG_HOME`, else `~/.config`: Chrome and Chromium look there.
    pub config: PathBuf,
    /// The home folder: Firefox looks in `~/.mozilla`.
    pub home: PathBuf,
}

impl BrowserDirs {
    /// This user's folders: `$XDG_CONFIG_HOME` (else `~/.config`) and `$HOME`.
    pub fn for_user() -> Option<BrowserDirs> {
        Some(BrowserDirs {
            config: dirs::config_dir()?,
            home: dirs::home_dir()?,
        })
    }
}

/// A browser we install for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Browser {
    Chrome,
    Chromium,
    Firefox,
}

/// A manifest written (or removed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct HostManifest {
    pub browser: Browser,
    pub path: String,
}

impl Browser {
    pub const ALL: [Browser; 3] = [Browser::Chrome, Browser::Chromium, Browser::Firefox];

    pub fn name(self) -> &'static str {
        match self {
            Browser::Chrome => "Google Chrome",
            Browser::Chromium => "Chromium",
            Browser::Firefox => "Firefox",
        }
    }

    /// Where this browser looks for a user's host manifests.
    pub fn folder(self, dirs: &BrowserDirs) -> PathBuf {
        match self {
            Browser::Chrome => dirs.config.join("google-chrome/NativeMessagingHosts"),
            Browser::Chromium => dirs.config.join("chromium/NativeMessagingHosts"),
            Browser::Firefox => dirs.home.join(".mozilla/native-messaging-hosts"),
        }
    }

    /// The manifest for this browser, starting `host`.
    pub fn manifest(self, host: &Path) -> serde_json::Value {
        let mut manifest = serde_json::json!({
            "name": HOST_NAME,
            "description": "Commonplace: saves clips from the browser into your library",
            "path": host.to_string_lossy(),
            "type": "stdio",
        });
        match self {
            Browser::Chrome | Browser::Chromium => {
                manifest["allowed_origins"] =
                    serde_json::json!([format!("chrome-extension://{CHROME_EXTENSION_ID}/")]);
            }
            Browser::Firefox => {
                manifest["allowed_extensions"] = serde_json::json!([FIREFOX_EXTENSION_ID]);
            }
        }
        manifest
    }
}

/// Writes the manifests of every browser, naming `host` (the `commonplace`
/// program, an absolute path) as the program to start.
pub fn install(host: &Path, dirs: &BrowserDirs) -> Result<Vec<HostManifest>> {
    if !host.is_absolute() || !host.is_file() {
        return Err(Error::InvalidInput(format!(
            "{} is not the `commonplace` program (an absolute path to a file is needed)",
            host.display()
        )));
    }
    let mut written = Vec::new();
    for browser in Browser::ALL {
        let folder = browser.folder(dirs);
        std::fs::create_dir_all(&folder).map_err(crate::error::io(&folder))?;
        let path = folder.join(format!("{HOST_NAME}.json"));
        let text = serde_json::to_string_pretty(&browser.manifest(host))
            .map_err(|e| Error::InvalidInput(e.to_string()))?;
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, text + "\n").map_err(crate::error::io(&tmp))?;
        std::fs::rename(&tmp, &path).map_err(crate::error::io(&path))?;
        written.push(HostManifest {
            browser,
            path: path.display().to_string(),
        });
    }
    Ok(written)
}

/// Removes the manifests that are there; returns the ones removed.
pub fn uninstall(dirs: &BrowserDirs) -> Result<Vec<HostManifest>> {
    let mut removed = Vec::new();
    for browser in Browser::ALL {
        let path = browser.folder(dirs).join(format!("{HOST_NAME}.json"));
        match std::fs::remove_file(&path) {
            Ok(()) => removed.push(HostManifest {
                browser,
                path: path.display().to_string(),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(crate::error::io(&path)(e)),
        }
    }
    Ok(removed)
}
