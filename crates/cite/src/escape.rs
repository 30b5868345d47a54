//! Escaping for every format an export is written in.
//!
//! Everything an export shows comes from a source (quotes, titles, authors, the
//! notes and tags written about them, what a style renders from them), and
//! sources are hostile input. So no piece of text reaches an output without going
//! through the escaper of that output's format, and control characters never
//! reach any of them: [`clean`] runs first, on every field, before any layout is
//! added (stripping afterwards could uncover syntax that was escaped before).

/// Removes the control characters a draft never wants (C0 except tab and line
/// feed, DEL, C1), and turns a carriage return into a line feed.
pub fn clean(s: &str) -> String {
    let s = s.replace("\r\n", "\n");
    s.chars()
        .filter_map(|c| match c {
            '\r' => Some('\n'),
            '\n' | '\t' => Some(c),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// [`clean`], and every run of white space (line breaks too) made one space:
/// for fields that are one line in every format (names, titles, dates).
pub fn clean_inline(s: &str) -> String {
    clean(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// HTML text and attribute values: the five characters that can open markup
/// or end an attribute.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// CommonMark inline text: a backslash before each character that could open
/// emphasis, code, a link, an image, raw HTML, an entity, a table cell or a
/// strikethrough. What stays is read as the same text by every renderer.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        let escape = match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            // "AT&T" is text; "&lt;" or "&#60;" would be read as an entity.
            '&' => starts_entity(&s[i + 1..]),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether text after an `&` reads as an entity's name or number and `;`.
fn starts_entity(rest: &str) -> bool {
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
        .collect();
    !name.is_empty() && rest[name.len()..].starts_with(';')
}

/// Pandoc's Markdown reads much more than CommonMark: `@key` citations, `^sup^`,
/// `~sub~`, `$math$`, raw `\LaTeX`, smart quotes and dashes, attributes in
/// braces. Pandoc lets any ASCII punctuation be escaped, so all of it is: the
/// text comes out of `pandoc` exactly as it went in.
pub fn pandoc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A line of a Markdown block quote, escaped: inline syntax, and what would
/// start a block at the start of the line (a heading, a list item, a nested
/// quote, a code fence, a thematic break or a setext underline).
pub fn markdown_line(line: &str, inline: fn(&str) -> String) -> String {
    line_start(&inline(line))
}

/// The block-start escaping of [`markdown_line`], for a line whose inline text
/// is escaped already (a rendered citation, note or reference).
pub fn line_start(escaped: &str) -> String {
    // Leading white space means nothing in a quoted line, and four spaces (or a
    // tab) would make an indented code block: it is left out.
    let trimmed = escaped.trim_start();
    // "1. " or "1) " starts an ordered list: the backslash goes before the
    // period or parenthesis ("1\\. "), the one place CommonMark allows it.
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &trimmed[digits..];
        let starts_list = rest.starts_with(['.', ')'])
            && rest[1..].chars().next().is_none_or(char::is_whitespace);
        if starts_list {
            return format!("{}\\{rest}", &trimmed[..digits]);
        }
    }
    let underline = !trimmed.is_empty() && trimmed.chars().all(|c| matches!(c, '=' | '-' | ' '));
    let starts_block = trimmed.starts_with(['#', '-', '+', '=', '*', '>', ':', '%']) || underline;
    if starts_block {
        format!("\\{trimmed}")
    } else {
        trimmed.to_owned()
    }
}

/// A web address as a Markdown autolink (`<https://...>`): only http(s)
/// addresses become links, and characters that would end or break the link are
/// percent-encoded. Anything else is text.
pub fn markdown_autolink(url: &str) -> String {
    if !is_web(url) {
        return markdown(url);
    }
    let mut out = String::from("<");
    for c in url.chars() {
        match c {
            '<' | '>' | ' ' | '\\' | '`' => out.push_str(&format!("%{:02X}", c as u32)),
            c if c.is_whitespace() || c.is_control() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('>');
    out
}

/// Whether an address is one a reader can follow from a draft.
pub fn is_web(url: &str) -> bool {
    let lower = url
        .trim_start()
        .get(..8)
        .unwrap_or_default()
        .to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// A YAML double-quoted scalar that stays one scalar whatever the text holds:
/// quotes and backslashes escaped, and every character YAML does not allow
/// in a stream (controls, U+FFFE, U+FFFF) written as an escape.
pub fn yaml(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}') => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_never_pass() {
        assert_eq!(clean("a\u{1b}[2Jb\r\nc\u{9b}d\u{7f}\te"), "a[2Jb\ncd\te");
        assert_eq!(clean_inline(" Jane\n# Doe \u{7}"), "Jane # Doe");
    }

    #[test]
    fn block_starts_are_escaped_but_prose_is_left_alone() {
        let md = |l| markdown_line(l, markdown);
        assert_eq!(md("# not a heading"), "\\# not a heading");
        assert_eq!(md("1) not a list"), "1\\) not a list");
        assert_eq!(md("2021. A year"), "2021\\. A year");
        assert_eq!(md("0.00 percent"), "0.00 percent");
        assert_eq!(md("---"), "\\---");
        assert_eq!(md("    indented"), "indented");
        assert_eq!(md("Prices rose 3.5% in May."), "Prices rose 3.5% in May.");
        assert_eq!(
            md("[x](javascript:alert(3))"),
            "\\[x\\](javascript:alert(3))"
        );
        assert_eq!(md("AT&T &lt;b&gt;"), "AT&T \\&lt;b\\&gt;");
    }

    #[test]
    fn only_web_addresses_become_autolinks() {
        assert_eq!(
            markdown_autolink("javascript:alert(1)"),
            "javascript:alert(1)"
        );
        assert_eq!(
            markdown_autolink("https://a.example/x y>\n# h"),
            "<https://a.example/x%20y%3E%0A#%20h>"
        );
    }

    #[test]
    fn pandoc_text_escapes_every_ascii_punctuation() {
        assert_eq!(
            pandoc("@smith said $5 -- \"ok\""),
            "\\@smith said \\$5 \\-\\- \\\"ok\\\""
        );
    }
}
