//! Citations against one source's metadata, each case saying why it matches or not.

use super::*;
use model::Author;

fn source() -> SourceMeta {
    SourceMeta {
        title: "China's Economy: The Long Slowdown".into(),
        authors: vec![
            Author::Person {
                family: "Zhang".into(),
                given: "Wei".into(),
            },
            Author::Organization {
                name: "International Energy Agency".into(),
            },
        ],
        container_title: Some("Reuters".into()),
        publisher: Some("The Thomson Corporation".into()),
        url: Some("https://www.reuters.com/world/china-economy-2023/".into()),
        doi: Some("10.1000/XYZ.123".into()),
        citation_key: Some("zhang2023".into()),
        ..SourceMeta::default()
    }
}

#[test]
fn each_kind_of_citation_against_the_metadata() {
    let url = |s: &str| Citation::Url(s.into());
    let said = |s: &str| Citation::Said(s.into());
    let note = |s: &str| Citation::Footnote(s.into());
    let cases = [
        (
            url("http://reuters.com/world/china-economy-2023#:~:text=slow"),
            true,
            "scheme, www, slash and text fragment do not count",
        ),
        (
            url("https://www.reuters.com/world/china-economy-2023/?utm_source=x"),
            true,
            "tracking parameters do not count",
        ),
        (
            url("https://www.reuters.com/world/other-story/"),
            false,
            "another page of the same site",
        ),
        (
            url("https://reuters.com/"),
            true,
            "the site's front page cites the site",
        ),
        (
            url("https://doi.org/10.1000%2Fxyz.123"),
            true,
            "a DOI address, escaped and in another case",
        ),
        (Citation::Key("zhang2023".into()), true, "the source's key"),
        (Citation::Key("zhang2021".into()), false, "another key"),
        (said("Zhang"), true, "an author's family name"),
        (said("Zhang Wei"), true, "an author's full name"),
        (said("Reuters"), true, "the outlet"),
        (said("the IEA"), true, "an organisation's initials"),
        (said("International Energy Agency"), true, "an organisation"),
        (said("Bloomberg"), false, "another outlet"),
        (
            said("Powell"),
            false,
            "a speaker the metadata does not name",
        ),
        (
            note("Zhang, “China’s Economy”, Reuters, 2023."),
            true,
            "a note naming the author and title",
        ),
        (
            note("Reuters, 3 May 2023."),
            true,
            "a note naming the outlet",
        ),
        (
            note("Bloomberg, <https://bloomberg.com/a>, Zhang quoted."),
            false,
            "a note whose address is elsewhere",
        ),
        (
            note("See https://www.reuters.com/world/china-economy-2023"),
            true,
            "a note with the address",
        ),
        (
            note("Doe, “Markets”, Bloomberg."),
            false,
            "nothing of the source in the note",
        ),
    ];
    for (cited, expected, why) in cases {
        assert_eq!(
            attribution_matches(&cited, &source(), None),
            expected,
            "{cited:?}: {why}"
        );
    }
    assert!(
        attribution_matches(
            &Citation::Key("k1".into()),
            &SourceMeta::default(),
            Some("k1")
        ),
        "the key the library gave the source counts as much as one in its metadata"
    );
}
