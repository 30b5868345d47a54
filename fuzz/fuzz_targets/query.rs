//! The search query language, against a small real index: never an error, never
//! a panic, whatever is typed.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::{Mutex, OnceLock};

fn index() -> &'static Mutex<search::SearchIndex> {
    static INDEX: OnceLock<Mutex<search::SearchIndex>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("commonplace-fuzz-{}", std::process::id()));
        let (index, _) = search::SearchIndex::open(&dir).expect("index opens");
        Mutex::new(index)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else { return };
    let index = index().lock().unwrap();
    index.search(query, 20).expect("a query never fails");
});
