//! Plain text: paragraphs are separated by blank lines; lines within a paragraph
//! are hard wraps and are joined with a space.

use crate::normalize_inline;
use model::Block;

pub fn text_blocks(input: &str) -> Vec<Block> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut blocks = Vec::new();
    let mut paragraph = String::new();
    for line in input.lines() {
        if line.trim().is_empty() {
            flush(&mut paragraph, &mut blocks);
        } else {
            paragraph.push(' ');
            paragraph.push_str(line);
        }
    }
    flush(&mut paragraph, &mut blocks);
    blocks
}

fn flush(paragraph: &mut String, blocks: &mut Vec<Block>) {
    let text = normalize_inline(paragraph);
    if !text.is_empty() {
        blocks.push(Block::paragraph(text));
    }
    paragraph.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_separate_paragraphs_and_wrapped_lines_join() {
        let blocks = text_blocks("\u{feff}First line\nwrapped here.\r\n\r\n\n  Second.  \n");
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["First line wrapped here.", "Second."]);
    }
}
