//! RIS, the tagged format every reference manager reads: `TY  - JOUR` ... `ER  - `.

use model::{Author, ItemType, PartialDate, SourceMeta};

use super::{Entry, RefError, Reference};

fn ris_type(t: ItemType) -> &'static str {
    match t {
        ItemType::ArticleNewspaper => "NEWS",
        ItemType::ArticleMagazine => "MGZN",
        ItemType::ArticleJournal => "JOUR",
        ItemType::Webpage => "ELEC",
        ItemType::PostWeblog => "BLOG",
        ItemType::Report => "RPRT",
        ItemType::Book => "BOOK",
        ItemType::Chapter => "CHAP",
        ItemType::Thesis => "THES",
        ItemType::Document => "GEN",
    }
}

fn item_type(tag: &str) -> ItemType {
    match tag {
        "NEWS" => ItemType::ArticleNewspaper,
        "MGZN" => ItemType::ArticleMagazine,
        "JOUR" | "JFULL" | "EJOUR" => ItemType::ArticleJournal,
        "ELEC" | "WEB" => ItemType::Webpage,
        "BLOG" => ItemType::PostWeblog,
        "RPRT" => ItemType::Report,
        "BOOK" | "EBOOK" => ItemType::Book,
        "CHAP" | "ECHAP" | "CPAPER" | "CONF" => ItemType::Chapter,
        "THES" => ItemType::Thesis,
        _ => ItemType::Document,
    }
}

pub fn write(entries: &[Entry<'_>]) -> String {
    let mut out = String::new();
    for e in entries {
        let m = e.meta;
        let mut line = |tag: &str, value: &str| {
            // One line per tag: a line break inside a value would start a new tag.
            let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
            if !value.is_empty() {
                out.push_str(&format!("{tag}  - {value}\r\n"));
            }
        };
        line("TY", ris_type(m.item_type_for(e.kind)));
        line("ID", e.key);
        line("TI", &m.title);
        for a in &m.authors {
            line("AU", &name(a));
        }
        for a in &m.editors {
            line("A2", &name(a));
        }
        if let Some(c) = &m.container_title {
            line("T2", c);
        }
        if let Some(p) = &m.publisher {
            line("PB", p);
        }
        if let Some(p) = &m.place {
            line("CY", p);
        }
        if let Some(d) = m.issued {
            line("PY", &d.year.to_string());
            line("DA", &ris_date(d));
        }
        if let Some(d) = m.accessed {
            line("Y2", &ris_date(d));
        }
        for (tag, v) in [
            ("M3", &m.genre),
            ("SN", &m.isbn),
            ("VL", &m.volume),
            ("IS", &m.issue),
            ("ET", &m.edition),
            ("DO", &m.doi),
            ("LA", &m.language),
        ] {
            if let Some(v) = v {
                line(tag, v);
            }
        }
        if let Some(n) = &m.number {
            // RIS keeps a report's number in M1 ("number"); IS is a journal issue.
            line("M1", n);
        }
        if let Some(pages) = &m.pages {
            let (sp, ep) = pages
                .split_once(['-', '–'])
                .map(|(a, b)| (a.trim(), b.trim()))
                .unwrap_or((pages.trim(), ""));
            line("SP", sp);
            line("EP", ep);
        }
        if let Some(u) = m.canonical_url.as_deref().or(m.url.as_deref()) {
            line("UR", u);
        }
        out.push_str("ER  - \r\n\r\n");
    }
    out
}

/// A person as "Family, Given"; an organisation as its name with a trailing comma
/// so readers do not split it ("International Energy Agency,").
fn name(a: &Author) -> String {
    match a {
        Author::Person { family, given } if given.is_empty() => family.clone(),
        Author::Person { family, given } => format!("{family}, {given}"),
        Author::Organization { name } => format!("{name},"),
    }
}

fn ris_date(d: PartialDate) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{:04}/{m:02}/{day:02}/", d.year),
        (Some(m), None) => format!("{:04}/{m:02}//", d.year),
        _ => format!("{:04}///", d.year),
    }
}

fn parse_date(s: &str) -> Option<PartialDate> {
    let parts: Vec<&str> = s.trim().split('/').collect();
    let year = parts.first()?.trim();
    let year: &str = year.get(..4)?;
    let month = parts.get(1).map(|m| m.trim()).filter(|m| !m.is_empty());
    let day = parts.get(2).map(|d| d.trim()).filter(|d| !d.is_empty());
    let text = match (month, day) {
        (Some(m), Some(d)) => format!("{year}-{m:0>2}-{d:0>2}"),
        (Some(m), None) => format!("{year}-{m:0>2}"),
        _ => year.to_owned(),
    };
    text.parse().ok()
}

pub fn parse(input: &str) -> Result<Vec<Reference>, RefError> {
    let mut out = Vec::new();
    let mut current: Option<(SourceMeta, Option<String>, Option<String>)> = None;
    for (n, raw) in input.lines().enumerate() {
        let line = raw.trim_end();
        if line.trim().is_empty() {
            continue;
        }
        let Some((tag, value)) = split_tag(line) else {
            // A continuation of the previous value, as some writers wrap lines.
            match &mut current {
                Some((meta, _, _)) if !meta.title.is_empty() => {
                    meta.title.push(' ');
                    meta.title.push_str(line.trim());
                    continue;
                }
                _ => {
                    return Err(RefError::Syntax {
                        format: "RIS",
                        line: n + 1,
                        reason: format!("`{}` is not a `XX  - value` line", truncate(line)),
                    })
                }
            }
        };
        if tag == "TY" {
            let meta = SourceMeta {
                item_type: Some(item_type(value)),
                ..SourceMeta::default()
            };
            current = Some((meta, None, None));
            continue;
        }
        let Some((meta, start_page, end_page)) = current.as_mut() else {
            return Err(RefError::Syntax {
                format: "RIS",
                line: n + 1,
                reason: format!("`{tag}` comes before the first `TY` line"),
            });
        };
        let set = |field: &mut Option<String>| {
            if field.is_none() && !value.is_empty() {
                *field = Some(value.to_owned());
            }
        };
        match tag {
            "ER" => {
                let (mut meta, sp, ep) = current.take().unwrap_or_default();
                meta.pages = match (sp, ep) {
                    (Some(s), Some(e)) => Some(format!("{s}–{e}")),
                    (Some(s), None) => Some(s),
                    _ => None,
                };
                if meta.title.is_empty() {
                    return Err(RefError::Entry {
                        index: out.len() + 1,
                        reason: "an entry has no title (TI)".into(),
                    });
                }
                out.push(Reference { meta });
                continue;
            }
            "TI" | "T1" if meta.title.is_empty() => meta.title = value.to_owned(),
            "AU" | "A1" => meta.authors.push(parse_name(value)),
            "A2" | "ED" => meta.editors.push(parse_name(value)),
            "T2" | "JO" | "JF" | "BT" => set(&mut meta.container_title),
            "PB" => set(&mut meta.publisher),
            "CY" => set(&mut meta.place),
            "DA" | "Y1" => {
                if let Some(d) = parse_date(value) {
                    if meta.issued.is_none_or(|old| old.month.is_none()) {
                        meta.issued = Some(d);
                    }
                }
            }
            "PY" if meta.issued.is_none() => meta.issued = parse_date(value),
            "Y2" => meta.accessed = parse_date(value),
            "M3" => set(&mut meta.genre),
            "SN" => set(&mut meta.isbn),
            "VL" => set(&mut meta.volume),
            "IS" => set(&mut meta.issue),
            "M1" => set(&mut meta.number),
            "ET" => set(&mut meta.edition),
            "DO" => set(&mut meta.doi),
            "LA" => set(&mut meta.language),
            "UR" | "L2" => set(&mut meta.url),
            "ID" => set(&mut meta.citation_key),
            "SP" => set(start_page),
            "EP" => set(end_page),
            _ => {}
        }
    }
    if current.is_some() {
        return Err(RefError::Syntax {
            format: "RIS",
            line: input.lines().count(),
            reason: "the last entry has no `ER` line".into(),
        });
    }
    Ok(out)
}

fn split_tag(line: &str) -> Option<(&str, &str)> {
    let bytes = line.as_bytes();
    if bytes.len() >= 5
        && bytes[0].is_ascii_uppercase()
        && bytes[1].is_ascii_alphanumeric()
        && &bytes[2..5] == b"  -"
    {
        // The first five bytes are ASCII, so byte 5 is a character boundary.
        Some((&line[..2], line[5..].trim()))
    } else {
        None
    }
}

fn parse_name(value: &str) -> Author {
    let value = value.trim();
    if let Some(name) = value.strip_suffix(',') {
        return Author::Organization {
            name: name.trim().to_owned(),
        };
    }
    match value.split_once(',') {
        Some((family, given)) => Author::Person {
            family: family.trim().to_owned(),
            given: given.trim().to_owned(),
        },
        None if value.contains(' ') => Author::Organization {
            name: value.to_owned(),
        },
        None => Author::Person {
            family: value.to_owned(),
            given: String::new(),
        },
    }
}

fn truncate(s: &str) -> String {
    s.chars().take(40).collect()
}
