//! BibTeX/BibLaTeX, CSL-JSON and RIS; whatever parses must write and read back.
#![no_main]
use cite::refs::{self, Entry, RefFormat};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for format in [RefFormat::BibLatex, RefFormat::CslJson, RefFormat::Ris] {
        if let Ok(found) = refs::parse(format, text) {
            let entries: Vec<Entry<'_>> = found
                .iter()
                .map(|r| Entry { key: "k", kind: model::SourceKind::Text, meta: &r.meta })
                .collect();
            for out in [RefFormat::BibTex, RefFormat::BibLatex, RefFormat::CslJson, RefFormat::Ris] {
                let written = refs::write(out, &entries);
                let _ = refs::parse(out, &written);
            }
        }
    }
});
