//! Any CSL-JSON item through every named style: rendering never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json_value(data) else { return };
    for (name, _, _) in cite::NAMED_STYLES {
        let style = cite::CitationStyle::bundled(name).unwrap();
        let _ = cite::render(&style, &[cite::Cite { item: value.clone(), locator: None }]);
    }
});

fn serde_json_value(data: &[u8]) -> Result<serde_json::Value, ()> {
    serde_json::from_slice(data).map_err(|_| ())
}
