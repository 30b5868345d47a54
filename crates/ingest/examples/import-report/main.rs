//! How well the web importer reads real pages, over every set of the shared
//! corpus: Mozilla Readability's test pages (text, title, byline, site name),
//! htmldate's pages (publication dates), trafilatura's pages (text segments that
//! must and must not be kept, authors), and the PDF samples. Prints each set's
//! figures and its worst pages, then the median import time.
//!
//! `cargo run --release -p ingest --example import-report -- ../shared/corpus`
//! (`VERBOSE=1` lists every miss, not only the worst).

mod dates;
mod extraction;
mod readability;
mod score;

use std::path::Path;
use std::time::Instant;

/// What every set adds to the closing lines.
#[derive(Default)]
pub struct Report {
    /// Milliseconds per page import.
    pub times: Vec<f64>,
}

/// Pages with their score and what went wrong, to print the lowest.
#[derive(Default)]
pub struct Worst {
    pages: Vec<(String, f64, String)>,
}

impl Worst {
    pub fn add(&mut self, name: &str, score: f64, note: String) {
        self.pages.push((name.to_owned(), score, note));
    }

    fn sorted(&mut self) {
        self.pages
            .sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    }

    /// The ten lowest scores.
    pub fn print(&mut self, what: &str) {
        self.sorted();
        println!("worst pages by {what}:");
        for (name, score, note) in self.pages.iter().take(10) {
            println!("  {score:.2} {name}: {}", clip(note));
        }
    }

    /// Every page when `all`, else the first fifteen.
    pub fn print_all(&mut self, what: &str, all: bool) {
        self.sorted();
        println!("{what}: {} pages", self.pages.len());
        let n = if all { usize::MAX } else { 15 };
        for (name, _, note) in self.pages.iter().take(n) {
            println!("  {name}: {}", clip(note));
        }
    }
}

fn clip(note: &str) -> String {
    if note.chars().count() > 300 {
        note.chars().take(300).collect::<String>() + "…"
    } else {
        note.to_owned()
    }
}

fn main() {
    let corpus = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus".into());
    let corpus = Path::new(&corpus);
    let only = std::env::args().nth(2);
    let wanted = |set: &str| only.as_deref().is_none_or(|o| o == set);
    let started = Instant::now();
    let mut report = Report::default();
    if wanted("readability") {
        readability::run(corpus, &mut report);
        println!();
    }
    if wanted("dates") {
        dates::run(corpus, &mut report);
        println!();
    }
    if wanted("extraction") {
        extraction::run(corpus, &mut report);
        println!();
    }
    let n = report.times.len();
    let median = score::median(&mut report.times);
    let at = |q: f64| {
        report
            .times
            .get(((n as f64 * q) as usize).min(n.saturating_sub(1)))
            .copied()
            .unwrap_or(0.0)
    };
    println!(
        "import time over {n} pages: median {median:.1} ms, 90th percentile {:.1} ms, slowest {:.1} ms (whole run {:.0} s)",
        at(0.9),
        at(1.0),
        started.elapsed().as_secs_f64()
    );
    if wanted("pdf") {
        println!();
        pdf(corpus);
    }
}

/// The PDF samples: which open, and how much text each gives.
fn pdf(corpus: &Path) {
    let pdfs = corpus.join("pdf");
    let mut files: Vec<_> = std::fs::read_dir(&pdfs)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    if files.is_empty() {
        return;
    }
    println!();
    println!(
        "{:<40} {:>6} {:>9} {:>8}  result",
        "pdf", "pages", "chars", "ms"
    );
    let (mut read, mut refused) = (0, 0);
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(file).unwrap();
        let t = Instant::now();
        // The app extracts in a child process; here a panic is caught instead.
        let result = std::panic::catch_unwind(|| ingest::pdf::extract(&bytes, None));
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        match result {
            Ok(Ok(pdf)) => {
                read += 1;
                let chars = model::SourceText::new(&pdf.blocks).char_len();
                println!(
                    "{name:<40} {:>6} {chars:>9} {ms:>8.1}  {:?}",
                    pdf.pages, pdf.meta.title
                );
            }
            Ok(Err(e)) => {
                refused += 1;
                println!("{name:<40} {:>6} {:>9} {ms:>8.1}  refused: {e}", "-", "-");
            }
            Err(_) => {
                refused += 1;
                println!(
                    "{name:<40} {:>6} {:>9} {ms:>8.1}  refused: the parser panicked",
                    "-", "-"
                );
            }
        }
    }
    println!(
        "PDFs: {read} read, {refused} refused with a reason, of {}",
        files.len()
    );
}
