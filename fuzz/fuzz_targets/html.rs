//! A web page: charset, readable content, metadata. Any bytes, any nesting.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = ingest::html::import(data, Some("https://example.org/page"));
});
