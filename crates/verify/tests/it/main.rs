//! The crate's integration tests, one binary (see CONVENTIONS.md): the fixture
//! draft in every format, damaged and hostile files, the mutation test and the
//! dependency rule.

mod dependencies;
mod errors;
mod fixtures;
mod hostile;
mod library;
mod mutation;
mod office;

/// The project's one deterministic generator (SplitMix64).
#[path = "../../../library/testkit/rng.rs"]
mod rng;
