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
            // CMOS 15.52 with 14.150: a text without page or paragraph numbers
            // is cited without a locator (counting paragraphs is APA's rule).
            "(Zhang and Goh 2021)",
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
    // CMOS 14.: a first note gives the full citation with given name first;
    // an online article without page or paragraph numbers has no locator
    // (14.150), the URL ends the note.
    assert_eq!(
        notes[0],
        "Yan Zhang and Brenda Goh, “China Fines Alibaba Record $2.8 Billion,” Reuters, April 10, 2021, https://www.reuters.com/article/alibaba-fine."
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
    // MLA 9 §6.: author and locator, no comma. A work without page numbers
    // or numbered paragraphs gets no locator at all (6.20: do not count
    // unnumbered paragraphs).
    assert_eq!(
        cites,
        [
            "(Zhang and Goh)",
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
            // Cite Them Right: paragraph numbers only where the source
            // numbers its paragraphs.
            "(Zhang and Goh, 2021)",
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
    // IEEE: a locator is a page, section or numbered paragraph; an online
    // article without them is cited by its number alone.
    assert_eq!(cites[0], "[1]");
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

/// Cases from the style guides that a first version got wrong (issue 11).
mod rules {
    use super::*;

    fn one(style: &str, case: Case) -> (String, String) {
        let (cites, bib) = run(style, &[case]);
        (cites[0].clone(), bib[0].clone())
    }

    fn news(title: &str, date: &str) -> Case {
        Case {
            meta: SourceMeta {
                title: title.into(),
                authors: vec![person("Wei", "Lingling")],
                container_title: Some("The Wall Street Journal".into()),
                issued: date.parse().ok(),
                url: Some("https://www.wsj.com/articles/x".into()),
                item_type: Some(ItemType::ArticleNewspaper),
                ..SourceMeta::default()
            },
            kind: SourceKind::Web,
            key: "wei",
            locator: None,
        }
    }

    #[test]
    fn a_year_alone_leaves_no_stray_comma() {
        // APA 9.14: "(2021)." when only the year is known; CMOS 15.45 the same.
        let (cite, bib) = one("apa", news("Jack Ma's Ant Group halts IPO", "2021"));
        assert_eq!(cite, "(Wei, 2021)");
        assert_eq!(
            bib,
            "Wei, L. (2021). Jack Ma's Ant Group halts IPO. The Wall Street Journal. https://www.wsj.com/articles/x"
        );
        let (_, bib) = one(
            "chicago-author-date",
            news("Jack Ma's Ant Group halts IPO", "2021"),
        );
        assert_eq!(
            bib,
            "Wei, Lingling. 2021. “Jack Ma's Ant Group Halts IPO.” The Wall Street Journal. https://www.wsj.com/articles/x."
        );
    }

    #[test]
    fn a_title_ending_in_a_question_or_exclamation_mark_takes_no_period_or_comma() {
        // APA 6.3 / CMOS 6.119 / MLA 1.3: the title's own mark replaces the
        // period or comma that would follow it.
        let (_, bib) = one("apa", news("Is this the end of the Ant IPO?", "2021-11-02"));
        assert_eq!(
            bib,
            "Wei, L. (2021, November 2). Is this the end of the Ant IPO? The Wall Street Journal. https://www.wsj.com/articles/x"
        );
        let (note, bib) = one("chicago-notes", news("Beijing says no!", "2021-11-02"));
        assert_eq!(
            note,
            "Lingling Wei, “Beijing Says No!” The Wall Street Journal, November 2, 2021, https://www.wsj.com/articles/x."
        );
        assert_eq!(
            bib,
            "Wei, Lingling. “Beijing Says No!” The Wall Street Journal, November 2, 2021. https://www.wsj.com/articles/x."
        );
        let (_, bib) = one("mla", news("Is this the end of the Ant IPO?", "2021-11-02"));
        assert_eq!(
            bib,
            "Wei, Lingling. “Is This the End of the Ant IPO?” The Wall Street Journal, 2 Nov. 2021, https://www.wsj.com/articles/x."
        );
    }

    #[test]
    fn title_case_keeps_acronyms_and_brand_names() {
        // CMOS 8.159: headline style capitalizes words; it never lowers
        // capitals the title already has (IPO, TikTok, iPhone, the USA).
        let (_, bib) = one(
            "chicago-notes",
            news(
                "TikTok, the iPhone and the Ant IPO in the USA",
                "2021-11-02",
            ),
        );
        assert!(
            bib.contains("“TikTok, the iPhone and the Ant IPO in the USA.”"),
            "{bib}"
        );
    }

    #[test]
    fn a_site_that_is_its_own_publisher_is_named_once() {
        let page = Case {
            meta: SourceMeta {
                title: "The end of the lockdown economy".into(),
                authors: vec![person("Ramirez", "Ana")],
                container_title: Some("Metaviews".into()),
                publisher: Some("Metaviews".into()),
                issued: "2022-03-14".parse().ok(),
                url: Some("https://metaviews.example/lockdown".into()),
                ..SourceMeta::default()
            },
            kind: SourceKind::Web,
            key: "ramirez",
            locator: None,
        };
        // APA 10.16: author, date, title (italic), site name, URL.
        let (_, bib) = one("apa", page);
        assert_eq!(
            bib,
            "Ramirez, A. (2022, March 14). The end of the lockdown economy. Metaviews. https://metaviews.example/lockdown"
        );
    }

    #[test]
    fn first_authors_with_one_family_name_are_told_apart_by_initials() {
        let smith = |given: &str, title: &str, date: &str| Case {
            meta: SourceMeta {
                title: title.into(),
                authors: vec![person("Smith", given)],
                container_title: Some("Financial Times".into()),
                issued: date.parse().ok(),
                item_type: Some(ItemType::ArticleNewspaper),
                ..SourceMeta::default()
            },
            kind: SourceKind::Text,
            key: "",
            locator: None,
        };
        let cases = [
            Case {
                key: "smithj",
                ..smith("John", "Tariffs return", "2019-05-01")
            },
            Case {
                key: "smithk",
                ..smith("Kate", "Shipping slows", "2021-07-09")
            },
        ];
        // APA 8.20: initials in every in-text citation, even with other years.
        assert_eq!(
            run("apa", &cases).0,
            ["(J. Smith, 2019)", "(K. Smith, 2021)"]
        );
        // CMOS 15.21 (author-date) and MLA 9 6.8 likewise.
        assert_eq!(
            run("chicago-author-date", &cases).0,
            ["(J. Smith 2019)", "(K. Smith 2021)"]
        );
        assert_eq!(run("mla", &cases).0, ["(J. Smith)", "(K. Smith)"]);
        // The reference list is unchanged: family name first, as always.
        assert!(run("apa", &cases).1[0].starts_with("Smith, J. (2019"));
    }

    #[test]
    fn chicago_short_notes_use_a_short_title() {
        // CMOS 14.29-30: after the first note, the author's family name and a
        // short title of at most four words from the main title; the period
        // goes inside the closing quotation mark (6.9).
        let case = || Case {
            meta: SourceMeta {
                title:
                    "China's sweeping antitrust campaign against its biggest technology companies"
                        .into(),
                ..newspaper()
            },
            kind: SourceKind::Web,
            key: "zhang",
            locator: None,
        };
        let (notes, _) = run("chicago-notes", &[case(), case()]);
        assert_eq!(
            notes[1],
            "Zhang and Goh, “China's Sweeping Antitrust Campaign.”"
        );
    }

    #[test]
    fn paragraphs_are_counted_only_where_the_style_counts_them() {
        let case = || Case {
            locator: Some(Locator::Paragraph(4)),
            ..news("Beijing tightens the screws", "2021-11-02")
        };
        assert_eq!(one("apa", case()).0, "(Wei, 2021, para. 4)");
        assert_eq!(one("mla", case()).0, "(Wei)");
        assert_eq!(one("chicago-author-date", case()).0, "(Wei 2021)");
        assert!(!one("chicago-notes", case()).0.contains("para"));
    }
}
