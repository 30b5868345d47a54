//! Use-cases on claims and on links between clips and claims.

use crate::{Error, Library, NewClaim, Result};
use model::{Claim, ClaimId, ClaimSummary, ClipId, Stance};

impl Library {
    pub fn create_claim(&mut self, new: NewClaim) -> Result<Claim> {
        let statement = clean_statement(&new.statement)?;
        let now = self.now();
        let claim = Claim {
            id: ClaimId::generate(),
            statement,
            note: new.note.trim().to_owned(),
            created_at: now,
            updated_at: now,
        };
        self.store.write(|tx| tx.insert_claim(&claim))?;
        Ok(claim)
    }

    /// Every claim with its evidence counts, alphabetically.
    pub fn claims(&self) -> Result<Vec<ClaimSummary>> {
        Ok(self.store.read().claims()?)
    }

    pub fn claim(&self, id: &ClaimId) -> Result<ClaimSummary> {
        Ok(self.store.read().claim(id)?)
    }

    pub fn rename_claim(&mut self, id: &ClaimId, statement: &str) -> Result<ClaimSummary> {
        let statement = clean_statement(statement)?;
        let now = self.now();
        self.store
            .write(|tx| tx.rename_claim(id, &statement, now))?;
        self.apply_outbox()?;
        self.claim(id)
    }

    /// Links a clip to a claim with a stance (or changes the stance of the link).
    pub fn link_clip(&mut self, clip: &ClipId, claim: &ClaimId, stance: Stance) -> Result<()> {
        let now = self.now();
        self.store.write(|tx| tx.link(clip, claim, stance, now))?;
        self.apply_outbox()
    }

    pub fn unlink_clip(&mut self, clip: &ClipId, claim: &ClaimId) -> Result<()> {
        self.store.write(|tx| tx.unlink(clip, claim))?;
        self.apply_outbox()
    }
}

pub(crate) fn clean_statement(statement: &str) -> Result<String> {
    let statement = ingest::normalize_inline(statement);
    if statement.is_empty() {
        return Err(Error::InvalidInput(
            "a claim needs a statement, one sentence the evidence bears on".into(),
        ));
    }
    Ok(statement)
}
