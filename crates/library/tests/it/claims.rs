use crate::{add_article, hit_ids, open};
use library::{ErrorCode, NewClaim, NewClip};
use model::Stance;

#[test]
fn clips_link_to_claims_with_a_stance_and_claims_count_their_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = add_article(&lib);
    let clip = |quote: &str| {
        lib.create_clip(NewClip {
            source_id: source.id.0.clone(),
            quote: Some(quote.into()),
            ..NewClip::default()
        })
        .unwrap()
    };
    let fine = clip("fined Alibaba a record");
    let relief = clip("removes a cloud of uncertainty");
    let claim = lib
        .create_claim(NewClaim {
            statement: "  China's antitrust push   follows Western regulators ".into(),
            note: String::new(),
        })
        .unwrap();
    assert_eq!(
        claim.statement,
        "China's antitrust push follows Western regulators"
    );
    lib.link_clip(&fine.id, &claim.id, Stance::Supports)
        .unwrap();
    lib.link_clip(&relief.id, &claim.id, Stance::Context)
        .unwrap();
    lib.link_clip(&relief.id, &claim.id, Stance::Contradicts)
        .unwrap();

    let summary = lib.claim(&claim.id).unwrap();
    assert_eq!(
        (summary.supports, summary.contradicts, summary.context),
        (1, 1, 0),
        "linking again changes the stance instead of adding a second link"
    );
    let view = lib.clip(&relief.id).unwrap();
    assert_eq!(view.clip.claims.len(), 1);
    assert_eq!(view.clip.claims[0].stance, Stance::Contradicts);
    assert_eq!(
        hit_ids(&lib, "claim:western").len(),
        2,
        "claims are searchable"
    );

    lib.rename_claim(&claim.id, "Beijing copies Brussels")
        .unwrap();
    assert_eq!(
        hit_ids(&lib, "claim:western").len(),
        0,
        "renaming reindexes the clips"
    );
    assert_eq!(hit_ids(&lib, "brussels").len(), 2);
    assert_eq!(
        lib.clip(&fine.id).unwrap().clip.claims[0].statement,
        "Beijing copies Brussels"
    );

    lib.unlink_clip(&fine.id, &claim.id).unwrap();
    assert_eq!(lib.claim(&claim.id).unwrap().supports, 0);
    assert_eq!(lib.claims().unwrap().len(), 1);
}

#[test]
fn claim_statements_are_unique_and_never_empty() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let new = |s: &str| NewClaim {
        statement: s.into(),
        note: String::new(),
    };
    lib.create_claim(new("Tariffs raise prices")).unwrap();
    let dup = lib.create_claim(new("tariffs raise PRICES")).unwrap_err();
    assert_eq!(dup.code(), ErrorCode::Conflict);
    assert!(dup.to_string().contains("already exists"), "{dup}");
    let empty = lib.create_claim(new("   ")).unwrap_err();
    assert!(empty.to_string().contains("needs a statement"), "{empty}");
    let missing = lib.link_clip(&"no-clip".into(), &"no-claim".into(), Stance::Supports);
    assert_eq!(missing.unwrap_err().code(), ErrorCode::NotFound);
}
