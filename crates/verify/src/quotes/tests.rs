//! Quotes found in small drafts, one line per quote: kind, text, citation or
//! why it was skipped.

use super::*;
use crate::read_draft;
use expect_test::{expect, Expect};

fn check(name: &str, draft: &str, expect: Expect) {
    let draft = read_draft(draft.as_bytes(), name).expect("the draft reads");
    let chars: Vec<char> = draft.text.chars().collect();
    let lines: Vec<String> = find_quotes(&draft)
        .iter()
        .map(|q| {
            let span: String = chars[q.start..q.end].iter().collect();
            assert!(
                span.contains(q.text.split_whitespace().next().unwrap_or_default()),
                "the offsets point at the quote: {span:?} for {:?}",
                q.text
            );
            let about = match (&q.skipped, &q.cited) {
                (Some(why), _) => format!("skipped: {why}"),
                (None, Some(c)) => format!("{c:?}"),
                (None, None) => "uncited".to_owned(),
            };
            format!("{:?} {:?} {about}", q.kind, q.text)
        })
        .collect();
    expect.assert_eq(&lines.join("\n"));
}

#[test]
fn citations_next_to_inline_quotes() {
    check(
        "d.md",
        "“The economy is strong and growing,” Reuters said. Zhang writes that \
         “prices will keep rising this year.” According to the IEA, “demand \
         has peaked for good.” “Growth will slow next year,” she said.\n\n\
         A [linked quote](https://example.com/a): “we will not raise rates again.” \
         So-called “experts” disagree, “citing [@doe2020] sources we trust.”\n\n\
         “Rates stay,” the Fed said.[^1] And “a note after the mark follows here”[^1].\n\n\
         [^1]: Federal Reserve, *Statement*, <https://fed.gov/s>.",
        expect![[r#"
            Inline "The economy is strong and growing," Said("Reuters")
            Inline "prices will keep rising this year." Said("Zhang")
            Inline "demand has peaked for good." Said("IEA")
            Inline "Growth will slow next year," uncited
            Inline "we will not raise rates again." Url("https://example.com/a")
            Inline "experts" skipped: scare quote: fewer than 4 words and no attribution nearby
            Inline "citing  sources we trust." Key("doe2020")
            Inline "Rates stay," Footnote("Federal Reserve, Statement, https://fed.gov/s.")
            Inline "a note after the mark follows here" Footnote("Federal Reserve, Statement, https://fed.gov/s.")"#]],
    );
}

#[test]
fn block_quotes_are_one_quote_each() {
    check(
        "d.md",
        "As Jane Doe wrote in her report:\n\n\
         > The “transition” will take decades,\n\
         > not years.\n\n\
         Then:\n\n\
         > Markets ‘adjust’ slowly.\n\
         > — The Economist\n\n\
         > “Wrapped in marks, this block is still one quote.” [@smith2019]\n",
        expect![[r#"
            Block "The “transition” will take decades,\nnot years." Said("Jane Doe")
            Block "Markets ‘adjust’ slowly." Said("The Economist")
            Block "Wrapped in marks, this block is still one quote." Key("smith2019")"#]],
    );
}

#[test]
fn plain_text_block_quotes_lose_their_markers() {
    check(
        "d.txt",
        "Reuters reported:\n> Output fell for the\n> third month running.\n\nThe end.",
        expect![[r#"Block "Output fell for the\nthird month running." Said("Reuters")"#]],
    );
}
