//! Any CSL-JSON item through every named style: rendering never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;

fn styles() -> &'static [cite::CitationStyle] {
    static STYLES: std::sync::OnceLock<Vec<cite::CitationStyle>> = std::sync::OnceLock::new();
    STYLES.get_or_init(|| {
        cite::NAMED_STYLES
            .iter()
            .map(|(name, _, _)| cite::CitationStyle::bundled(name).unwrap())
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json_value(data) else { return };
    for style in styles() {
        let _ = cite::render(style, &[cite::Cite { item: value.clone(), locator: None }]);
    }
});

fn serde_json_value(data: &[u8]) -> Result<serde_json::Value, ()> {
    serde_json::from_slice(data).map_err(|_| ())
}
