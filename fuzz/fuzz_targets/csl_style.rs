//! A user's `.csl` file: parse it and, when it loads, render with it.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(xml) = std::str::from_utf8(data) else { return };
    if let Ok(style) = cite::CitationStyle::from_csl("fuzz", xml) {
        let meta = model::SourceMeta { title: "T".into(), ..Default::default() };
        let item = cite::csl_json::item(&meta, model::SourceKind::Web, "k");
        let _ = cite::render(&style, &[cite::Cite { item, locator: Some(cite::Locator::Page(3)) }]);
    }
});
