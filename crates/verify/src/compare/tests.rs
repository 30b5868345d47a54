//! The comparison's decisions, case by case, rendered as one line each.

use super::*;
use expect_test::{expect, Expect};

const PASSAGE: &str = "Officials said on Tuesday that the company\u{00A0}would not cut \
    prices before 2025. “We don’t expect growth to return — not this year,” the \
    minister added. Sales of cars fell 3.5% in March, and it was the worst month \
    since 2009.";

fn render(passage: &str, c: &Comparison) -> String {
    let slice = |(a, b): (usize, usize)| passage.chars().skip(a).take(b - a).collect::<String>();
    match c {
        Comparison::Verified {
            flags,
            span,
            omitted,
        } => {
            let mut names = Vec::new();
            for (on, name) in [
                (flags.typographic, "typographic"),
                (flags.elided, "elided"),
                (flags.bracketed, "bracketed"),
            ] {
                if on {
                    names.push(name);
                }
            }
            format!(
                "verified {names:?} at {:?} omitted {omitted:?}",
                slice(*span)
            )
        }
        Comparison::Altered {
            diff,
            suggestion,
            span,
            score,
        } => {
            let parts: Vec<String> = diff
                .iter()
                .map(|d| format!("{:?}({:?})", d.kind, d.text))
                .collect();
            assert!(
                suggestion.contains(" … ") || &slice(*span) == suggestion,
                "without ellipses the suggestion is the span's text"
            );
            format!("altered {score:.2} {} => {suggestion:?}", parts.join(" "))
        }
        Comparison::NoMatch => "no match".to_owned(),
    }
}

fn check(quote: &str, expect: Expect) {
    expect.assert_eq(&render(PASSAGE, &compare(quote, PASSAGE)));
}

#[test]
fn exact_and_typographic_matches_are_verified() {
    check(
        "the company\u{00A0}would not cut prices",
        expect![[r#"verified [] at "the company\u{a0}would not cut prices" omitted []"#]],
    );
    check(
        "The company would not cut prices",
        expect![[
            r#"verified ["typographic"] at "the company\u{a0}would not cut prices" omitted []"#
        ]],
    );
    check(
        "We don't expect growth to return -- not this year,",
        expect![[
            r#"verified ["typographic"] at "We don’t expect growth to return — not this year" omitted []"#
        ]],
    );
    check(
        "sales of cars\nfell 3.5% in March",
        expect![[r#"verified ["typographic"] at "Sales of cars fell 3.5% in March" omitted []"#]],
    );
}

#[test]
fn ellipses_and_brackets_are_allowed_where_the_rest_matches() {
    check(
        "the company would … cut prices",
        expect![[
            r#"verified ["typographic", "elided"] at "the company\u{a0}would not cut prices" omitted ["not"]"#
        ]],
    );
    check(
        "[the firm] would not cut prices [...] before 2025",
        expect![[
            r#"verified ["elided", "bracketed"] at "would not cut prices before 2025" omitted []"#
        ]],
    );
    check(
        "Officials said on Tuesday that [Acme] would not cut prices",
        expect![[
            r#"verified ["bracketed"] at "Officials said on Tuesday that the company\u{a0}would not cut prices" omitted []"#
        ]],
    );
    check(
        "[S]ales of cars fell",
        expect![[r#"verified ["bracketed"] at "Sales of cars fell" omitted []"#]],
    );
    check(
        "before 2025 … since 2009",
        expect![[
            r#"verified ["elided"] at "before 2025. “We don’t expect growth to return — not this year,” the minister added. Sales of cars fell 3.5% in March, and it was the worst month since 2009" omitted [". “We don’t expect growth to return — not this year,” the minister added. Sales of cars fell 3.5% in March, and it was the worst month"]"#
        ]],
    );
}

#[test]
fn any_changed_word_outside_ellipses_and_brackets_is_altered() {
    check(
        "the company would cut prices",
        expect![[
            r#"altered 0.83 Same("the company\u{a0}would") Removed(" not") Same(" cut prices") => "the company\u{a0}would not cut prices""#
        ]],
    );
    check(
        "Sales of cars fell 4.5% in March",
        expect![[
            r#"altered 0.86 Same("Sales of cars fell") Removed(" 3.5") Added(" 4.5") Same("% in March") => "Sales of cars fell 3.5% in March""#
        ]],
    );
    check(
        "the company would not raise prices",
        expect![[
            r#"altered 0.83 Same("the company\u{a0}would not") Removed(" cut") Added(" raise") Same(" prices") => "the company\u{a0}would not cut prices""#
        ]],
    );
    check(
        "it was the very worst month since 2009",
        expect![[
            r#"altered 0.88 Same("it was the") Added(" very") Same(" worst month since 2009") => "it was the worst month since 2009""#
        ]],
    );
    check(
        "since 2025 … sales of cars fell",
        expect![[
            r#"altered 0.83 Removed("before") Added("since") Same(" 2025") Elided(". “We don’t expect growth to return — not this year,” the minister added.") Same(" Sales of cars fell") => "before 2025 … Sales of cars fell""#
        ]],
    );
    check(
        "sales of cars fell 3.5% in March and it was the worst month",
        expect![[
            r#"altered 1.00 Same("Sales of cars fell 3.5% in March") Removed(",") Same(" and it was the worst month") => "Sales of cars fell 3.5% in March, and it was the worst month""#
        ]],
    );
}

#[test]
fn unrelated_quotes_do_not_match() {
    check(
        "the weather was fine in the north of the country",
        expect!["no match"],
    );
    check("of the", expect!["no match"]);
    check("", expect!["no match"]);
    check("…", expect!["no match"]);
}

#[test]
fn a_bracket_stands_for_a_few_words_not_a_paragraph() {
    let passage = "one two three four five six seven eight nine ten eleven twelve \
                   thirteen fourteen fifteen sixteen seventeen";
    let c = compare("one [numbers] seventeen", passage);
    assert!(
        !c.is_verified(),
        "fifteen words is more than a bracket may replace: {c:?}"
    );
    let c = compare("one [numbers] five six", passage);
    assert!(c.is_verified(), "three words may be bracketed: {c:?}");
}
