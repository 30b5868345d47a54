//! Imports one page (a file, gzip or not) and prints what was read: for
//! looking into a single page of the report.
//!
//! `cargo run --release -p ingest --example one-page -- PAGE [URL]`

use std::io::Read;

fn main() {
    let path = std::env::args().nth(1).expect("a page file");
    let url = std::env::args().nth(2);
    let raw = std::fs::read(&path).expect("readable");
    let bytes = if path.ends_with(".gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(raw.as_slice())
            .read_to_end(&mut out)
            .expect("gzip");
        out
    } else {
        raw
    };
    match ingest::html::import(&bytes, url.as_deref()) {
        Ok(page) => {
            println!("{:#?}", page.meta);
            println!("{:#?}", page.origins);
            println!("{:#?}", page.dates);
            for b in &page.blocks {
                println!("[{}] {}", b.kind.as_str(), b.text);
            }
        }
        Err(e) => println!("refused: {e}"),
    }
}
