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
