//! Where a library lives: `--library DIR`, else `COMMONPLACE_LIBRARY`, else the
//! platform's data folder. The shells pass in what they were given, so the choice
//! is made in one place and tests can pin it.

use std::ffi::OsString;
use std::path::PathBuf;

/// The environment variable that names a library folder.
pub const LIBRARY_ENV: &str = "COMMONPLACE_LIBRARY";

/// Picks the library folder from a command-line flag, the environment variable's
/// value and the platform data folder, in that order.
pub fn resolve(
    flag: Option<PathBuf>,
    env: Option<OsString>,
    data_dir: Option<PathBuf>,
) -> Option<PathBuf> {
    flag.or_else(|| env.filter(|v| !v.is_empty()).map(PathBuf::from))
        .or_else(|| data_dir.map(|d| d.join("Commonplace").join("Library")))
}

/// Where the list of library folders opened on this machine is kept: a library
/// folder on that list that has gone missing (a disconnected drive, a moved
/// folder) is reported, never silently replaced by a new empty library.
pub fn registry_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("COMMONPLACE_REGISTRY").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(path));
    }
    dirs::config_dir().map(|d| d.join("commonplace").join("libraries"))
}

/// Whether `dir` is on the list.
pub(crate) fn known(registry: &std::path::Path, dir: &std::path::Path) -> bool {
    let Ok(list) = std::fs::read_to_string(registry) else {
        return false;
    };
    let dir = dir.to_string_lossy();
    list.lines().any(|line| line == dir)
}

/// Puts `dir` on the list (the 200 most recently added are kept). Best effort: a
/// list that cannot be written only loses this protection.
pub(crate) fn remember(registry: &std::path::Path, dir: &std::path::Path) {
    let dir = dir.to_string_lossy().into_owned();
    if dir.contains('\n') {
        return;
    }
    let list = std::fs::read_to_string(registry).unwrap_or_default();
    if list.lines().any(|line| line == dir) {
        return;
    }
    let mut lines: Vec<&str> = list.lines().collect();
    lines.push(&dir);
    let keep = &lines[lines.len().saturating_sub(200)..];
    if let Some(parent) = registry.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    let tmp = registry.with_extension("tmp");
    if std::fs::write(&tmp, keep.join("\n") + "\n").is_ok() {
        let _ = std::fs::rename(&tmp, registry);
    }
}

/// The platform data folder (`~/.local/share` on Linux), if the platform has one.
pub fn platform_data_dir() -> Option<PathBuf> {
    dirs::data_dir()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_beats_environment_beats_platform_default() {
        let data = Some(PathBuf::from("/data"));
        assert_eq!(
            resolve(Some("/flag".into()), Some("/env".into()), data.clone()),
            Some(PathBuf::from("/flag"))
        );
        assert_eq!(
            resolve(None, Some("/env".into()), data.clone()),
            Some(PathBuf::from("/env"))
        );
        assert_eq!(
            resolve(None, Some("".into()), data.clone()),
            Some(PathBuf::from("/data/Commonplace/Library")),
            "an empty variable counts as unset"
        );
        assert_eq!(resolve(None, None, None), None);
    }
}
