//! Input written to break the checker: random text made of the characters its
//! rules look at, pages nested far deeper than any editor writes, quotes built
//! to make the bracket search branch without end, a book-length block quote.
//! Each must come back with an answer (or a named error), not a panic or a hang.

use crate::rng::Rng;
use std::time::{Duration, Instant};
use verify::{compare, find_quotes, read_draft, search_terms, Comparison};

/// The characters the readers, the quote finder and the comparison treat
/// specially, and some they must simply carry.
const PALETTE: &[&str] = &[
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    "„",
    "‚",
    "「",
    "」",
    "[",
    "]",
    "[...]",
    "…",
    "...",
    "(",
    ")",
    "@",
    "@key",
    "[@k]",
    "[^1]",
    "[^1]: note",
    "\n",
    "\n\n",
    "> ",
    "—",
    "--",
    "-",
    "\u{00AD}",
    "\u{00A0}",
    "\u{0301}",
    "e",
    "é",
    "İ",
    "中",
    "word",
    "said",
    "Reuters",
    "the",
    " ",
    " ",
    " ",
    "<b>",
    "</b>",
    "<q>",
    "</q>",
    "<blockquote>",
    "</blockquote>",
    "&amp;",
    "&#8220;",
    "https://x.org/a",
    ".",
    ",",
    "3.5",
    "1,000",
    "*",
    "_",
    "#",
    "`",
    "\t",
    "\r\n",
];

fn random_text(rng: &mut Rng, len: usize) -> String {
    (0..len)
        .map(|_| PALETTE[rng.below(PALETTE.len())])
        .collect()
}

#[test]
fn random_text_of_special_characters_never_panics() {
    let mut rng = Rng(404);
    let passages: Vec<String> = (0..20).map(|_| random_text(&mut rng, 200)).collect();
    for round in 0..200 {
        let len = 1 + rng.below(300);
        let text = random_text(&mut rng, len);
        for name in ["d.md", "d.txt", "d.html"] {
            let Ok(draft) = read_draft(text.as_bytes(), name) else {
                continue;
            };
            let len = draft.text.chars().count();
            for quote in find_quotes(&draft) {
                assert!(
                    quote.start <= quote.end && quote.end <= len,
                    "round {round}, {name}: offsets within the text"
                );
                let _ = search_terms(&quote.text);
                let _ = compare(&quote.text, &passages[round % passages.len()]);
            }
        }
        if round % 10 == 0 {
            let _ = compare(&text, &passages[round % passages.len()]);
        }
    }
}

#[test]
fn pages_nested_deeper_than_a_document_needs_are_refused_and_deep_ones_read() {
    let page = |depth: usize| {
        format!(
            "{}“A quote at the bottom of the well,” she said.{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        )
    };
    let started = Instant::now();
    let err = read_draft(page(1_000_000).as_bytes(), "deep.html").expect_err("too deep");
    assert!(err.to_string().contains("nested 1000000 deep"), "{err}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "refused before parsing"
    );
    // Deeper than the walk recurses (256 levels), within what is read.
    let draft = read_draft(page(900).as_bytes(), "deep.html").expect("a deep page reads");
    assert!(
        draft.text.contains("bottom of the well"),
        "{:?}",
        draft.text
    );
    assert_eq!(find_quotes(&draft).len(), 1);
}

#[test]
fn quotes_built_to_branch_or_to_be_huge_end_quickly() {
    let started = Instant::now();
    // Each bracket may stand for up to 12 words, and the quote's last word is
    // nowhere: without a budget the search would try 13^30 ways.
    let brackets = format!("{}y", "[a] x ".repeat(30));
    let passage = "x ".repeat(400);
    let c = compare(&brackets, &passage);
    assert!(
        !c.is_verified(),
        "thirty brackets over x's, then a y: {c:?}"
    );
    let book: String = (0..40_000).map(|k| format!("w{} ", k % 997)).collect();
    let c = compare(&book, &book[..book.len() / 2]);
    assert!(
        matches!(c, Comparison::NoMatch),
        "a quote twice its passage's length is not found in it"
    );
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
}
