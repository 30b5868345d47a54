//! Integration tests of the use-cases, each against a real library folder: a real
//! SQLite file and a real Tantivy index in a temporary directory.

mod backup;
mod bindings;
mod bulk;
mod capture;
mod citations;
mod claims;
mod clips;
mod concurrency;
mod crash;
mod damaged;
mod disk_faults;
mod drafts;
mod durability;
mod failpoints;
mod fetch;
mod lists;
mod migrations;
mod open;
mod quote_check;
mod reimport;
mod search_truth;
mod web;
mod workspace;

use library::{Config, Library, NewSource};
use model::{Author, SourceMeta};
use std::path::Path;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// A library in `dir` whose clock starts at 2026-01-01 and ticks a second a call.
pub fn open(dir: &Path) -> Library {
    Library::open(dir, test_config()).expect("library opens")
}

pub fn test_config() -> Config {
    let now = Arc::new(AtomicI64::new(1_767_225_600_000));
    Config {
        clock: Arc::new(move || now.fetch_add(1000, Ordering::SeqCst)),
        // The machine's own list of libraries is left alone by tests.
        registry: None,
        ..Config::default()
    }
}

pub const ARTICLE: &str = "China's market regulator fined Alibaba a record 18.2 billion yuan on Saturday.\n\n\
The penalty follows a months-long antitrust investigation into the e-commerce giant, which regulators said had abused its dominant position.\n\n\
Analysts said the fine removes a cloud of uncertainty over the company.";

pub fn news_meta() -> SourceMeta {
    SourceMeta {
        title: "China fines Alibaba record $2.8 bln in anti-monopoly probe".into(),
        authors: vec![Author::Person {
            family: "Zhang".into(),
            given: "Yan".into(),
        }],
        container_title: Some("Reuters".into()),
        issued: "2021-04-10".parse().ok(),
        url: Some("https://www.reuters.com/article/alibaba-fine".into()),
        ..SourceMeta::default()
    }
}

pub fn add_article(lib: &Library) -> model::Source {
    lib.add_source(NewSource {
        text: ARTICLE.into(),
        markdown: false,
        meta: news_meta(),
    })
    .expect("source is added")
}

/// The ids of the clips a search returns, best first.
pub fn hit_ids(lib: &Library, query: &str) -> Vec<String> {
    lib.search(query, 50)
        .expect("search runs")
        .hits
        .into_iter()
        .map(|h| h.clip_id.0)
        .collect()
}
