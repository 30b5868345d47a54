//! Use-cases on claims and on links between clips and claims.

use crate::{Error, Library, NewClaim, Result};
use model::{Claim, ClaimId, ClaimSummary, ClipId, Stance};

impl Library {
    pub fn create_claim(&self, new: NewClaim) -> Result<Claim> {
        let statement = clean_statement(&new.statement)?;
        let now = self.now();
        let claim = Claim {
            id: ClaimId::generate(),
            statement,
            note: new.note.trim().to_owned(),
            created_at: now,
            updated_at: now,
        };
        self.write(|tx, changes| {
            changes.claim(&claim.id);
            Ok(tx.insert_claim(&claim)?)
        })?;
        Ok(claim)
    }

    /// Every claim with its evidence counts, alphabetically.
    pub fn claims(&self) -> Result<Vec<ClaimSummary>> {
        Ok(self.store.read()?.claims()?)
    }

    pub fn claim(&self, id: &ClaimId) -> Result<ClaimSummary> {
        Ok(self.store.read()?.claim(id)?)
    }

    pub fn rename_claim(&self, id: &ClaimId, statement: &str) -> Result<ClaimSummary> {
        let statement = clean_statement(statement)?;
        let now = self.now();
        self.write(|tx, changes| {
            changes.claim(id);
            Ok(tx.rename_claim(id, &statement, now)?)
        })?;
        self.claim(id)
    }

    /// Links a clip to a claim with a stance (or changes the stance of the link).
    pub fn link_clip(&self, clip: &ClipId, claim: &ClaimId, stance: Stance) -> Result<()> {
        let now = self.now();
        self.write(|tx, changes| {
            changes.claim(claim);
            Ok(tx.link(clip, claim, stance, now)?)
        })
    }

    pub fn unlink_clip(&self, clip: &ClipId, claim: &ClaimId) -> Result<()> {
        self.write(|tx, changes| {
            changes.claim(claim);
            Ok(tx.unlink(clip, claim)?)
        })
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

impl Library {
    /// A claim's page: its evidence grouped by stance, each group by source date.
    pub fn claim_view(&self, id: &ClaimId) -> Result<crate::ClaimView> {
        let reader = self.store.read()?;
        let claim = reader.claim(id)?;
        let mut evidence = Vec::new();
        for clip_id in reader.clips_of_claim(id)? {
            let clip = reader.clip(&clip_id)?;
            let Some(link) = clip.claims.iter().find(|c| &c.claim_id == id) else {
                continue;
            };
            let stance = link.stance;
            let source = reader.source_summary(&clip.source_id)?;
            evidence.push(crate::Evidence {
                stance,
                clip,
                source,
            });
        }
        evidence.sort_by(|a, b| {
            (a.stance, a.source.issued, a.clip.position.start, &a.clip.id).cmp(&(
                b.stance,
                b.source.issued,
                b.clip.position.start,
                &b.clip.id,
            ))
        });
        Ok(crate::ClaimView { claim, evidence })
    }

    /// Deletes a claim; its clips stay, without the link.
    pub fn delete_claim(&self, id: &ClaimId) -> Result<()> {
        self.write(|tx, changes| {
            changes.claim(id);
            Ok(tx.delete_claim(id)?)
        })
    }

    /// Merges `from` into `into`: every clip linked to `from` is linked to `into`
    /// with the same stance (unless it already was), and `from` is deleted.
    pub fn merge_claims(&self, from: &ClaimId, into: &ClaimId) -> Result<ClaimSummary> {
        if from == into {
            return Err(Error::InvalidInput(
                "a claim cannot be merged into itself".into(),
            ));
        }
        let now = self.now();
        self.write(|tx, changes| {
            changes.claim(from);
            changes.claim(into);
            Ok(tx.merge_claims(from, into, now)?)
        })?;
        self.claim(into)
    }
}
