//! Ids as people type them: the whole id, or any start of it that names one
//! thing only (as with git's commit hashes).

use crate::{Error, Library, Result};

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    Source,
    Clip,
    Claim,
}

impl IdKind {
    fn as_str(self) -> &'static str {
        match self {
            IdKind::Source => "source",
            IdKind::Clip => "clip",
            IdKind::Claim => "claim",
        }
    }
}

/// Fewer characters than this are not taken as the start of an id: they would
/// match by chance more often than not.
const MIN_PREFIX: usize = 4;

impl Library {
    /// The whole id that `typed` is, or starts. An error names the problem: no
    /// such id, too short a start, or several ids that start that way.
    pub fn resolve_id(&self, kind: IdKind, typed: &str) -> Result<String> {
        let typed = typed.trim();
        let entity = kind.as_str();
        let found = self.store.read()?.ids_with_prefix(entity, typed, 6)?;
        if found.iter().any(|id| id == typed) {
            return Ok(typed.to_owned());
        }
        match found.as_slice() {
            [] => Err(Error::NotFound {
                entity,
                id: typed.to_owned(),
            }),
            _ if typed.chars().count() < MIN_PREFIX => Err(Error::InvalidInput(format!(
                "`{typed}` is too short to name a {entity}: give at least {MIN_PREFIX} characters of its id"
            ))),
            [one] => Ok(one.clone()),
            many => {
                let shown = many.iter().take(5).cloned().collect::<Vec<_>>().join(", ");
                let more = if many.len() > 5 { ", ..." } else { "" };
                Err(Error::InvalidInput(format!(
                    "`{typed}` starts the ids of several {entity}s ({shown}{more}): give more of it"
                )))
            }
        }
    }
}
