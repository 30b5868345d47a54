//! Reference formats: files written the way Zotero, Better BibTeX and EndNote
//! write them come in with their metadata, and every format gives back what it
//! was given (export, import, compare).

use cite::refs::{self, Entry, RefFormat};
use model::{Author, ItemType, SourceKind, SourceMeta};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn person(family: &str, given: &str) -> Author {
    Author::Person {
        family: family.into(),
        given: given.into(),
    }
}

#[test]
fn a_better_bibtex_file_comes_in_whole() {
    let refs = refs::parse(RefFormat::BibLatex, &fixture("better-bibtex.bib")).unwrap();
    assert_eq!(refs.len(), 5);
    let zhang = &refs[0].meta;
    assert_eq!(
        zhang.title,
        "China Fines Alibaba Record $2.8 Billion in Antitrust Probe"
    );
    assert_eq!(
        zhang.authors,
        [person("Zhang", "Yan"), person("Goh", "Brenda")]
    );
    assert_eq!(zhang.item_type, Some(ItemType::ArticleNewspaper));
    assert_eq!(zhang.container_title.as_deref(), Some("Reuters"));
    assert_eq!(zhang.issued, "2021-04-10".parse().ok());
    assert_eq!(zhang.accessed, "2024-01-05".parse().ok());
    assert_eq!(
        zhang.citation_key.as_deref(),
        Some("zhangChinaFinesAlibaba2021")
    );
    let iea = &refs[1].meta;
    assert_eq!(
        iea.authors,
        [Author::Organization {
            name: "International Energy Agency".into()
        }]
    );
    assert_eq!(iea.item_type, Some(ItemType::Report));
    assert_eq!(iea.number.as_deref(), Some("WEO-2023"));
    assert_eq!(iea.genre.as_deref(), Some("Flagship report"));
    assert_eq!(
        iea.publisher.as_deref(),
        Some("International Energy Agency")
    );
    assert_eq!(iea.place.as_deref(), Some("Paris"));
    assert_eq!(iea.issued, "2023-10".parse().ok());
    let muller = &refs[2].meta;
    assert_eq!(muller.authors[0], person("Müller", "Anna"));
    assert_eq!(muller.authors[1], person("van der Berg", "Piet"));
    assert_eq!(muller.issue.as_deref(), Some("3"));
    assert_eq!(muller.pages.as_deref(), Some("45–67"));
    assert_eq!(muller.doi.as_deref(), Some("10.1000/jms.2020.12.3.45"));
    assert_eq!(refs[3].meta.item_type, Some(ItemType::Webpage));
    assert_eq!(refs[3].meta.container_title.as_deref(), Some("WHO"));
    let book = &refs[4].meta;
    assert_eq!(book.item_type, Some(ItemType::Book));
    assert_eq!(book.isbn.as_deref(), Some("978-0-593-23935-8"));
    assert_eq!(book.edition.as_deref(), Some("4"));
}

#[test]
fn a_zotero_csl_json_file_comes_in_whole() {
    let refs = refs::parse(RefFormat::CslJson, &fixture("zotero.json")).unwrap();
    assert_eq!(refs.len(), 3);
    assert_eq!(refs[0].meta.issued, "2021-04-10".parse().ok());
    assert_eq!(refs[0].meta.accessed, "2024-01-05".parse().ok());
    assert_eq!(refs[1].meta.number.as_deref(), Some("21-5"));
    assert_eq!(refs[1].meta.item_type, Some(ItemType::Report));
    let chapter = &refs[2].meta;
    assert_eq!(chapter.item_type, Some(ItemType::Chapter));
    assert_eq!(chapter.authors, [person("van der Berg", "Piet")]);
    assert_eq!(chapter.editors, [person("Doe", "Jane")]);
    assert_eq!(chapter.issued, "2019".parse().ok());
    assert_eq!(chapter.pages.as_deref(), Some("101-120"));
}

#[test]
fn an_endnote_ris_file_comes_in_whole() {
    let refs = refs::parse(RefFormat::Ris, &fixture("endnote.ris")).unwrap();
    assert_eq!(refs.len(), 2);
    assert_eq!(
        refs[0].meta.authors,
        [Author::Organization {
            name: "International Energy Agency".into()
        }]
    );
    assert_eq!(refs[0].meta.issued, "2023-10".parse().ok());
    assert_eq!(refs[0].meta.number.as_deref(), Some("WEO-2023"));
    assert_eq!(refs[1].meta.pages.as_deref(), Some("45–67"));
    assert_eq!(refs[1].meta.item_type, Some(ItemType::ArticleJournal));
}

/// Sources as varied as a library holds: every field, Unicode, LaTeX's special
/// characters, organisations, partial dates.
fn library() -> Vec<(SourceMeta, SourceKind)> {
    let full = SourceMeta {
        title: "Fees & fines: 100% of $2.8bn_total {really} #1 ~ ^ \\ Ünïcödé 中文".into(),
        authors: vec![
            person("Zhang", "Yan"),
            person("van der Berg", "Piet"),
            Author::Organization {
                name: "Reuters Staff".into(),
            },
        ],
        editors: vec![person("Doe", "Jane")],
        container_title: Some("Journal of Media & Society".into()),
        publisher: Some("Oxford University Press".into()),
        place: Some("Oxford".into()),
        volume: Some("12".into()),
        issue: Some("3".into()),
        pages: Some("45–67".into()),
        issued: "2021-04-10".parse().ok(),
        accessed: "2024-01-05".parse().ok(),
        url: Some("https://example.org/a?b=1&c=%20d".into()),
        doi: Some("10.1000/xyz_1".into()),
        language: Some("en".into()),
        item_type: Some(ItemType::ArticleJournal),
        ..SourceMeta::default()
    };
    let report = SourceMeta {
        title: "World Energy Outlook 2023".into(),
        authors: vec![Author::Organization {
            name: "International Energy Agency".into(),
        }],
        publisher: Some("International Energy Agency".into()),
        place: Some("Paris".into()),
        genre: Some("Flagship report".into()),
        number: Some("WEO-2023".into()),
        issued: "2023-10".parse().ok(),
        item_type: Some(ItemType::Report),
        ..SourceMeta::default()
    };
    let web = SourceMeta {
        title: "Climate change".into(),
        authors: vec![Author::Organization {
            name: "World Health Organization".into(),
        }],
        container_title: Some("WHO".into()),
        url: Some("https://www.who.int/health-topics/climate-change".into()),
        accessed: "2024-01-05".parse().ok(),
        item_type: Some(ItemType::Webpage),
        ..SourceMeta::default()
    };
    let newspaper = SourceMeta {
        title: "China fines Alibaba".into(),
        authors: vec![person("Goh", "Brenda")],
        container_title: Some("Reuters".into()),
        issued: "2021-04".parse().ok(),
        item_type: Some(ItemType::ArticleNewspaper),
        ..SourceMeta::default()
    };
    let book = SourceMeta {
        title: "The Elements of Journalism".into(),
        authors: vec![person("Kovach", "Bill"), person("Rosenstiel", "Tom")],
        publisher: Some("Crown".into()),
        place: Some("New York".into()),
        edition: Some("4".into()),
        issued: "2021".parse().ok(),
        isbn: Some("978-0-593-23935-8".into()),
        item_type: Some(ItemType::Book),
        ..SourceMeta::default()
    };
    let blog = SourceMeta {
        title: "Notes on a scandal".into(),
        authors: vec![person("Plato", "")],
        container_title: Some("Substack".into()),
        issued: "2024-02-29".parse().ok(),
        item_type: Some(ItemType::PostWeblog),
        ..SourceMeta::default()
    };
    vec![
        (full, SourceKind::Web),
        (report, SourceKind::Pdf),
        (web, SourceKind::Web),
        (newspaper, SourceKind::Web),
        (book, SourceKind::Text),
        (blog, SourceKind::Web),
    ]
}

fn round_trip(format: RefFormat) {
    let lib = library();
    let keys: Vec<String> = (0..lib.len()).map(|i| format!("key{i}")).collect();
    let entries: Vec<Entry<'_>> = lib
        .iter()
        .zip(&keys)
        .map(|((meta, kind), key)| Entry {
            key,
            kind: *kind,
            meta,
        })
        .collect();
    let written = refs::write(format, &entries);
    let back = refs::parse(format, &written)
        .unwrap_or_else(|e| panic!("{format:?} did not read back: {e}\n{written}"));
    assert_eq!(back.len(), lib.len());
    for ((meta, _), (got, key)) in lib.iter().zip(back.iter().zip(&keys)) {
        let mut expected = meta.clone();
        expected.citation_key = Some(key.clone());
        assert_eq!(got.meta, expected, "{format:?}:\n{written}");
    }
}

#[test]
fn biblatex_round_trips() {
    round_trip(RefFormat::BibLatex);
}

#[test]
fn bibtex_round_trips() {
    round_trip(RefFormat::BibTex);
}

#[test]
fn csl_json_round_trips() {
    round_trip(RefFormat::CslJson);
}

#[test]
fn ris_round_trips() {
    round_trip(RefFormat::Ris);
}

#[test]
fn broken_files_are_named_errors() {
    let err = refs::parse(RefFormat::BibLatex, "@article{x,\n title = {Unclosed\n").unwrap_err();
    assert!(err.to_string().contains("BibTeX"), "{err}");
    let err = refs::parse(RefFormat::CslJson, "[{\"title\": ]").unwrap_err();
    assert!(
        err.to_string().contains("CSL-JSON") && err.to_string().contains("line 1"),
        "{err}"
    );
    let err = refs::parse(RefFormat::CslJson, "[{\"type\": \"book\"}]").unwrap_err();
    assert!(
        err.to_string().contains("entry 1") && err.to_string().contains("no title"),
        "{err}"
    );
    let err = refs::parse(RefFormat::Ris, "TY  - JOUR\nTI  - x\n").unwrap_err();
    assert!(err.to_string().contains("ER"), "{err}");
    let err = refs::parse(RefFormat::Ris, "").unwrap_err();
    assert!(err.to_string().contains("no references"), "{err}");
    assert_eq!(RefFormat::detect("refs.bib", ""), Some(RefFormat::BibLatex));
    assert_eq!(RefFormat::detect("x", "TY  - JOUR"), Some(RefFormat::Ris));
    assert_eq!(RefFormat::detect("x", "  [ {"), Some(RefFormat::CslJson));
    assert_eq!(RefFormat::detect("x", "hello"), None);
}

/// Inputs the fuzzer found (`scripts/fuzz`), kept as regression tests: whatever
/// parses in any format writes out in every format and reads back without a panic.
#[test]
fn fuzz_findings_parse_write_and_read_back() {
    let dir = format!("{}/tests/fixtures/fuzz", env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        for format in [RefFormat::BibLatex, RefFormat::CslJson, RefFormat::Ris] {
            if let Ok(found) = refs::parse(format, text) {
                let entries: Vec<Entry<'_>> = found
                    .iter()
                    .map(|r| Entry {
                        key: "k",
                        kind: SourceKind::Text,
                        meta: &r.meta,
                    })
                    .collect();
                for out in [
                    RefFormat::BibTex,
                    RefFormat::BibLatex,
                    RefFormat::CslJson,
                    RefFormat::Ris,
                ] {
                    let written = refs::write(out, &entries);
                    let _ = refs::parse(out, &written);
                }
            }
        }
    }
}
