//! Inline quotations: pairing opening and closing quote marks in running text.
//!
//! A stack of open marks, reset at every paragraph break (a quotation that never
//! closes must not swallow the rest of the draft), with one rule per mark for
//! whether it opens, closes or is something else. English “ ” and ‘ ’, straight
//! " and ', French « », German „ “ and ‚ ‘, Danish » «, Swedish ” ”, Polish „ ”,
//! and CJK 「 」 『 』 all pair. An apostrophe between letters (don't, l’homme)
//! is never a mark, and a right single mark closes only a single quotation that
//! is open, so "the students’ books" and "’90s" stay text. Only the outermost
//! quotation is reported: a quotation inside a quotation is part of its text.

/// An outermost quotation: the char indices of its opening and closing marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marked {
    pub open: usize,
    pub close: usize,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    mark: char,
    at: usize,
}

enum Action {
    Open,
    Close(usize),
    Nothing,
}

const MAX_DEPTH: usize = 8;

/// Finds the outermost inline quotations outside the `excluded` ranges (block
/// quotes, which are quotes of their own).
pub(crate) fn inline_quotes(chars: &[char], excluded: &[(usize, usize)]) -> Vec<Marked> {
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut excluded: Vec<(usize, usize)> = excluded.to_vec();
    excluded.sort_unstable();
    let mut next_excluded = 0;
    let mut i = 0;
    while i < chars.len() {
        while next_excluded < excluded.len() && excluded[next_excluded].1 <= i {
            next_excluded += 1;
        }
        if let Some(&(_, end)) = excluded.get(next_excluded).filter(|(s, _)| *s <= i) {
            stack.clear();
            i = end;
            continue;
        }
        let c = chars[i];
        if c == '\n' && paragraph_break(chars, i) {
            stack.clear();
        }
        let prev = i.checked_sub(1).map(|k| chars[k]);
        let next = chars.get(i + 1).copied();
        match action(c, prev, next, &stack) {
            Action::Open if stack.len() < MAX_DEPTH => stack.push(Open { mark: c, at: i }),
            Action::Close(k) => {
                if k == 0 {
                    out.push(Marked {
                        open: stack[0].at,
                        close: i,
                    });
                }
                stack.truncate(k);
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// A line break followed by a blank line (only spaces before the next break).
fn paragraph_break(chars: &[char], i: usize) -> bool {
    chars[i + 1..]
        .iter()
        .take_while(|c| **c != '\n')
        .all(|c| c.is_whitespace())
        && chars[i + 1..].contains(&'\n')
}

fn word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

fn white(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

/// Before an opening mark: the start, a space, or an opening bracket or dash.
fn opens_after(c: Option<char>) -> bool {
    white(c) || c.is_some_and(|c| "([{—–-/\u{2014}".contains(c))
}

/// The nearest open quotation whose mark is one of `marks`.
fn find_open(stack: &[Open], marks: &[char]) -> Option<usize> {
    stack.iter().rposition(|o| marks.contains(&o.mark))
}

fn action(c: char, prev: Option<char>, next: Option<char>, stack: &[Open]) -> Action {
    let close = |marks: &[char]| find_open(stack, marks).map(Action::Close);
    let top = stack.last().map(|o| o.mark);
    match c {
        '“' if top == Some('„') => Action::Close(stack.len() - 1),
        '“' | '„' | '「' | '『' => Action::Open,
        '”' => close(&['“', '„', '”']).unwrap_or(if opens_after(prev) && !white(next) {
            Action::Open
        } else {
            Action::Nothing
        }),
        '‘' if top == Some('‚') => Action::Close(stack.len() - 1),
        '‘' if !white(next) => Action::Open,
        '’' if word(prev) && word(next) => Action::Nothing,
        '’' if !white(prev) => close(&['‘', '‚']).unwrap_or(Action::Nothing),
        '‚' if opens_after(prev) && !white(next) => Action::Open,
        '"' => close(&['"']).unwrap_or(if !white(next) {
            Action::Open
        } else {
            Action::Nothing
        }),
        '\'' if word(prev) && word(next) => Action::Nothing,
        '\'' if !white(prev) && find_open(stack, &['\'']).is_some() => {
            close(&['\'']).unwrap_or(Action::Nothing)
        }
        '\'' if opens_after(prev) && !white(next) => Action::Open,
        '«' => close(&['»']).unwrap_or(Action::Open),
        '»' => close(&['«']).unwrap_or(if opens_after(prev) && !white(next) {
            Action::Open
        } else {
            Action::Nothing
        }),
        '‹' => close(&['›']).unwrap_or(Action::Open),
        '›' => close(&['‹']).unwrap_or(if opens_after(prev) && !white(next) {
            Action::Open
        } else {
            Action::Nothing
        }),
        '」' => close(&['「']).unwrap_or(Action::Nothing),
        '』' => close(&['『']).unwrap_or(Action::Nothing),
        _ => Action::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        inline_quotes(&chars, &[])
            .into_iter()
            .map(|m| chars[m.open + 1..m.close].iter().collect())
            .collect()
    }

    #[test]
    fn every_style_of_mark_pairs() {
        let cases: [(&str, &[&str]); 12] = [
            ("He said “prices will rise” today.", &["prices will rise"]),
            ("He said \"prices will rise\" today.", &["prices will rise"]),
            ("He said ‘prices will rise’ today.", &["prices will rise"]),
            (
                "Il a dit « les prix vont monter » hier.",
                &[" les prix vont monter "],
            ),
            (
                "Er sagte „die Preise steigen“ heute.",
                &["die Preise steigen"],
            ),
            ("Er sagte ‚die Preise‘ heute.", &["die Preise"]),
            ("Han sa »priserna stiger« i dag.", &["priserna stiger"]),
            ("Han sa ”priserna stiger” i dag.", &["priserna stiger"]),
            ("Powiedział „ceny wzrosną” dziś.", &["ceny wzrosną"]),
            ("他说「价格会上涨」。", &["价格会上涨"]),
            (
                "“It was ‘a disaster’ for us,” she said.",
                &["It was ‘a disaster’ for us,"],
            ),
            (
                "“Across a\nline break,” he said.",
                &["Across a\nline break,"],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(quotes(text), expected, "quotes of {text:?}");
        }
    }

    #[test]
    fn apostrophes_are_not_marks() {
        let cases: [(&str, &[&str]); 5] = [
            ("Don’t panic, it’s the ’90s.", &[]),
            ("The students’ books ‘were lost’ today.", &["were lost"]),
            ("It's 'quite odd' I'd say.", &["quite odd"]),
            ("l’homme a dit « c’est fini ».", &[" c’est fini "]),
            ("rock 'n' roll and 'em", &["n"]),
        ];
        for (text, expected) in cases {
            assert_eq!(quotes(text), expected, "quotes of {text:?}");
        }
    }

    #[test]
    fn an_unclosed_quotation_ends_at_the_paragraph() {
        let text = "He said “this never closes.\n\nNext paragraph “closed” here.";
        assert_eq!(quotes(text), ["closed"]);
        let chars: Vec<char> = "a “one” b “two” c".chars().collect();
        assert_eq!(
            inline_quotes(&chars, &[(2, 7)]).len(),
            1,
            "quotes inside a block quote are the block's"
        );
    }
}
