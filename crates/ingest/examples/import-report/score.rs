//! Counting and printing shared by every set: hits and misses of a metadata
//! field, bag-of-words precision and recall of a text, medians. Kept apart from
//! the sets so that each set's module only says how its truth is read.

use std::collections::HashMap;

/// Lower case, letters and digits only, single spaces: two spellings of the
/// same words compare equal.
pub fn norm(s: &str) -> String {
    ingest::normalize_inline(s)
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn tokens(s: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for t in norm(s).split_whitespace() {
        *out.entry(t.to_owned()).or_default() += 1;
    }
    out
}

/// Token precision, recall and F1 of `got` against `want` (bags of words, as
/// article-extraction benchmarks count them).
pub fn token_prf(got: &str, want: &str) -> Prf {
    let (g, w) = (tokens(got), tokens(want));
    let common: usize = g
        .iter()
        .map(|(t, n)| (*n).min(*w.get(t).unwrap_or(&0)))
        .sum();
    Prf {
        tp: common,
        fp: g.values().sum::<usize>() - common,
        fn_: w.values().sum::<usize>() - common,
    }
}

/// Counts of a text comparison: found, found but unwanted, wanted but missing.
#[derive(Default, Clone, Copy)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Prf {
    pub fn add(&mut self, o: Prf) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }
    pub fn show(&self) -> String {
        format!(
            "P {:.3}  R {:.3}  F1 {:.3}",
            self.precision(),
            self.recall(),
            self.f1()
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Agreement on one metadata field over the pages whose truth has it.
#[derive(Default)]
pub struct Tally {
    pub seen: usize,
    pub right: usize,
}

impl Tally {
    /// `None` when the truth has no value; returns a mark for the page's line.
    pub fn add(&mut self, agrees: Option<bool>) -> &'static str {
        match agrees {
            None => "-",
            Some(ok) => {
                self.seen += 1;
                self.right += usize::from(ok);
                if ok {
                    "ok"
                } else {
                    "MISS"
                }
            }
        }
    }

    pub fn show(&self) -> String {
        if self.seen == 0 {
            return "n/a".into();
        }
        format!(
            "{:.3} ({}/{})",
            self.right as f64 / self.seen as f64,
            self.right,
            self.seen
        )
    }
}

/// Scores of dates as htmldate counts them: the right day, another day, no
/// date where one was expected, and no date where none was.
#[derive(Default)]
pub struct DateScore {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub tn: usize,
}

impl DateScore {
    /// Records one page; returns whether it was right.
    pub fn add(&mut self, got: Option<&str>, want: Option<&str>) -> bool {
        match (got, want) {
            (Some(g), Some(w)) if g == w => self.tp += 1,
            (None, None) => self.tn += 1,
            (None, Some(_)) => self.fn_ += 1,
            (Some(_), _) => self.fp += 1,
        }
        got == want
    }

    pub fn show(&self) -> String {
        let all = self.tp + self.fp + self.fn_ + self.tn;
        format!(
            "accuracy {:.3}  precision {:.3}  recall {:.3}  F {:.3}  ({} right, {} wrong, {} missing, {} rightly none, of {all})",
            ratio(self.tp + self.tn, all),
            ratio(self.tp, self.tp + self.fp),
            ratio(self.tp, self.tp + self.fn_),
            ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_),
            self.tp,
            self.fp,
            self.fn_,
            self.tn
        )
    }
}

/// Whether our authors agree with an expected byline: every name we give is in
/// it (compared as normalised words, so the expected "By Jane Doe | Reporter"
/// agrees with our "Jane Doe"; a name we add that it lacks is a miss).
pub fn byline_agrees(ours: &[model::Author], want: &str) -> bool {
    // Readability's own bylines sometimes run a date into the name
    // ("Lucas Nolan22 Dec"): a letter next to a digit is a word break.
    let want: String = want
        .chars()
        .zip(want.chars().skip(1).map(Some).chain([None]))
        .flat_map(|(c, next)| {
            let brk = next.is_some_and(|n| {
                c.is_alphabetic() != n.is_alphabetic() && (c.is_ascii_digit() || n.is_ascii_digit())
            });
            [Some(c), brk.then_some(' ')]
        })
        .flatten()
        .collect();
    let want = norm(
        want.trim()
            .trim_start_matches("By ")
            .trim_start_matches("by ")
            .trim_start_matches("BY "),
    );
    let names: Vec<String> = ours
        .iter()
        .map(|a| norm(&a.display_name()))
        .filter(|n| !n.is_empty())
        .collect();
    if names.is_empty() {
        return false;
    }
    let padded = format!(" {want} ");
    names.iter().all(|n| padded.contains(&format!(" {n} ")))
}

pub fn median(values: &mut [f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Reads a gzip file of the corpus.
pub fn gunzip(path: &std::path::Path) -> Vec<u8> {
    use std::io::Read;
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut out)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    out
}
