//! Original files (the HTML of a web page, later PDFs), kept content-addressed by
//! SHA-256 in the library's `blobs/` folder. A blob is written to a temporary file
//! and renamed into place, so a crash never leaves half a blob under its name.

use crate::{error, Result};
use std::path::Path;

/// Stores `bytes` (once: an existing blob with the same hash is kept) and returns
/// their SHA-256 in hex.
pub(crate) fn store(dir: &Path, bytes: &[u8]) -> Result<String> {
    let hash = store::bytes_hash(bytes);
    let path = dir.join(&hash);
    if path.exists() {
        return Ok(hash);
    }
    std::fs::create_dir_all(dir).map_err(error::io(dir))?;
    let tmp = dir.join(format!(".{hash}.tmp"));
    std::fs::write(&tmp, bytes).map_err(error::io(&tmp))?;
    std::fs::File::open(&tmp)
        .and_then(|f| f.sync_all())
        .map_err(error::io(&tmp))?;
    std::fs::rename(&tmp, &path).map_err(error::io(&path))?;
    Ok(hash)
}
