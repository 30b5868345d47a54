//! One small page per rule, written for these tests: each says which date a
//! page gives and why, and where it must be read from.

use super::*;

/// Runs the finder over a page (the address given separately, as the app
/// knows it) and describes the answer as "published 2019-08-06 (origin)".
fn dates_of(html: &str, url: Option<&str>) -> String {
    let doc = Document::from(html);
    let objects = crate::html::jsonld::objects(&doc);
    let metas = crate::html::meta::meta_tags(&doc);
    let lang = doc.select("html").attr("lang").map(|l| l.to_string());
    let found = find(&Inputs {
        doc: &doc,
        objects: &objects,
        article: crate::html::jsonld::article(&objects, None, url),
        metas: &metas,
        url,
        canonical: None,
        order: order_for(lang.as_deref()),
        title: "A headline of some length",
    });
    let show = |d: &Option<Dated>| match d {
        Some(d) => format!("{} ({})", d.date, d.origin),
        None => "none".into(),
    };
    format!(
        "published {}, modified {}",
        show(&found.published),
        show(&found.modified)
    )
}

#[test]
fn each_place_a_page_puts_its_date_is_read_in_order_of_trust() {
    let cases: &[(&str, &str, Option<&str>, &str)] = &[
        (
            "JSON-LD wrapped in CDATA is read",
            r#"<script type="application/ld+json">//<![CDATA[
               {"@type":"NewsArticle","datePublished":"2019-08-06T10:00:00+02:00","dateModified":"2019-08-07T09:00:00+02:00"}
               //]]></script><h1>A headline of some length</h1>"#,
            None,
            "published 2019-08-06 (jsonld), modified 2019-08-07 (jsonld)",
        ),
        (
            "microdata on a meta element",
            r#"<div itemscope itemtype="https://schema.org/Article"><meta itemprop="datePublished" content="2019-08-06"></div>"#,
            None,
            "published 2019-08-06 (microdata), modified none",
        ),
        (
            "microdata on a time element, by its datetime",
            r#"<time itemprop="datePublished" datetime="2019-08-06T08:00">6 Aug</time>"#,
            None,
            "published 2019-08-06 (microdata), modified none",
        ),
        (
            "microdata on an abbr, by its title",
            r#"<abbr itemprop="datePublished" title="2019-08-06">Tuesday</abbr>"#,
            None,
            "published 2019-08-06 (microdata), modified none",
        ),
        (
            "RDFa with the schema.org vocabulary counts as microdata",
            r#"<span property="schema:datePublished" content="2019-08-06T12:45:46+02:00"></span>"#,
            None,
            "published 2019-08-06 (microdata), modified none",
        ),
        (
            "Dublin Core as RDFa is Dublin Core",
            r#"<meta property="dcterms:created" content="2019-08-06">"#,
            None,
            "published 2019-08-06 (meta), modified none",
        ),
        (
            "hAtom's published and updated classes",
            r#"<time class="entry-date published" datetime="2019-08-06T09:30:10+01:00">6.8.</time>
               <time class="updated" datetime="2019-08-08T10:00:00+01:00">8.8.</time>"#,
            None,
            "published 2019-08-06 (microformat), modified 2019-08-08 (microformat)",
        ),
        (
            "the article's own meta beats a generic date meta and Dublin Core",
            r#"<meta name="date" content="2021-01-01"><meta name="DC.date" content="2020-05-05">
               <meta property="article:published_time" content="2019-08-06T21:00:00-05:00">"#,
            None,
            "published 2019-08-06 (meta), modified none",
        ),
        (
            "Highwire beats article meta",
            r#"<meta property="article:published_time" content="2019-09-01">
               <meta name="citation_publication_date" content="2019/08/06">"#,
            None,
            "published 2019-08-06 (highwire), modified none",
        ),
        (
            "the address gives the day when the page does not",
            "<h1>A headline of some length</h1><p>Text without dates.</p>",
            Some("https://example.org/news/2019/08/06/a-story/"),
            "published 2019-08-06 (address), modified none",
        ),
        (
            "an address's year and month yield to a full date on the page",
            r#"<h1>A headline of some length</h1><p class="date">10.11.2021</p>"#,
            Some("https://example.org/2021/10/section/story.html"),
            "published 2021-11-10 (text), modified none",
        ),
        (
            "without the address there is no date",
            "<h1>A headline of some length</h1><p>Text without dates.</p>",
            None,
            "published none, modified none",
        ),
        (
            "a German date line under the headline",
            r#"<html lang="de"><body><h1>Eine Überschrift von einiger Länge</h1>
               <div class="article-meta">Von Anna Muster, 06.08.2019, 10:15 Uhr</div><p>Text.</p></body></html>"#,
            None,
            "published 2019-08-06 (text), modified none",
        ),
        (
            "a Japanese date after the headline, in plain text",
            "<html lang=ja><body><h1>見出しの長さがあるタイトルです。とても長い</h1><p>2019年8月6日 10:00</p></body></html>",
            None,
            "published 2019-08-06 (text), modified none",
        ),
        (
            "published and updated lines told apart",
            r#"<h1>A headline of some length</h1><p class="dateline">Updated 7 August 2019 · Published 6 August 2019</p>"#,
            None,
            "published 2019-08-06 (text), modified 2019-08-07 (text)",
        ),
        (
            "a photo caption's date is the photo's, not the article's",
            r#"<h1>A headline of some length</h1><figure><figcaption>Taken on 16 January 2020.</figcaption></figure>
               <p class="date">18 January 2020</p>"#,
            None,
            "published 2020-01-18 (text), modified none",
        ),
        (
            "a caption class beside a picture is the picture's date",
            r#"<h1>A headline of some length</h1><div><img src="a.jpg"><span class="image-caption">16 January 2020</span></div>
               <p class="date">18 January 2020</p>"#,
            None,
            "published 2020-01-18 (text), modified none",
        ),
        (
            "a caption class beside no picture is the line under the headline",
            r#"<div><h1>A headline of some length</h1><p class="paragraph__caption">01. November 2021 | Nature</p></div>"#,
            None,
            "published 2021-11-01 (text), modified none",
        ),
        (
            "the first time on the page is a comment's and is never taken",
            r#"<div id="comments"><time datetime="2020-01-01">1 Jan</time></div>
               <h1>A headline of some length</h1><span class="date">6. August 2019</span>"#,
            None,
            "published 2019-08-06 (text), modified none",
        ),
        (
            "a topic class that says comment is no comments section",
            r#"<div class="post tag-kommentar"><h1>A headline of some length</h1><span class="date">6. August 2019</span></div>"#,
            None,
            "published 2019-08-06 (text), modified none",
        ),
        (
            "a date inside the story's sentences, far from the headline, is not the article's",
            &format!(
                "<h1>A headline of some length</h1><p>{}</p><p>On 1 May 2018 the council met.</p>",
                "Words of the story. ".repeat(40)
            ),
            None,
            "published none, modified none",
        ),
        (
            "a date labelled as the publication's counts far from the headline",
            &format!(
                "<h1>A headline of some length</h1><p>{}</p><p>Artikel veröffentlicht am 16.12.2012</p>",
                "Words of the story. ".repeat(40)
            ),
            None,
            "published 2012-12-16 (text), modified none",
        ),
        (
            "a date line just above the headline",
            "<p>Berlin, 19.10.2019 11:05 Uhr</p><h1>A headline of some length</h1><p>Story.</p>",
            None,
            "published 2019-10-19 (text), modified none",
        ),
        (
            "the headline is the h1 that reads like the title, not the logo's",
            &format!(
                r#"<h1>The Daily Example Newspaper</h1><p>{}</p><h1>A headline of some length</h1><span class="date">6 August 2019</span>"#,
                "Menu item ".repeat(400)
            ),
            None,
            "published 2019-08-06 (text), modified none",
        ),
        (
            "the headline found by the title when the only h1 is the site's logo",
            &format!(
                "<h1>Site</h1><p>{}</p><p class=bodytext>A headline of some length</p><p>Von Anna Muster</p><p>27.1.2022 - Bei der Sitzung</p>",
                "Menu item ".repeat(100)
            ),
            None,
            "published 2022-01-27 (text), modified none",
        ),
        (
            "a two-digit year is read in a date line, not in running text",
            r#"<div class="date">Party, 30.10.23</div><h1>A headline of some length</h1><p>Version 1.2.23 is out.</p>"#,
            None,
            "published 2023-10-30 (text), modified none",
        ),
        (
            "an update labelled far from the headline still dates the page",
            &format!(
                "<h1>A headline of some length</h1><p>{}</p><p>Aktualisiert: 30.12.2016</p>",
                "Words of the story. ".repeat(40)
            ),
            None,
            "published none, modified 2016-12-30 (text)",
        ),
        (
            "a page wrapped whole in a form is still read",
            r#"<body><form action="/post"><h1>A headline of some length</h1><span class="date">17/03/2020</span><p>Text.</p></form></body>"#,
            None,
            "published 2020-03-17 (text), modified none",
        ),
        (
            "a page wrapper whose class happens to say caption is still read",
            r#"<body><div id="page" class="layout caption"><h1>A headline of some length</h1><span class="date">17/03/2020</span><p>Text of the story.</p></div></body>"#,
            None,
            "published 2020-03-17 (text), modified none",
        ),
        (
            "American English writes the month first",
            r#"<html lang="en-US"><body><h1>A headline of some length</h1><span class="byline">08/06/2019</span></body></html>"#,
            None,
            "published 2019-08-06 (text), modified none",
        ),
    ];
    for (why, html, url, want) in cases {
        assert_eq!(&dates_of(html, *url), want, "{why}");
    }
}

#[test]
fn the_day_is_the_publishers_not_utc() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "an evening article in the Americas keeps its own day, not its UTC day",
            r#"<meta property="article:published_time" content="2019-08-06T21:30:00-05:00">"#,
            "published 2019-08-06 (meta), modified none",
        ),
        (
            "a UTC instant yields to the local time the page also gives",
            r#"<script type="application/ld+json">[{"@type":"NewsArticle","datePublished":"2019-08-07T02:30:00Z"},
               {"@type":"NewsArticle","datePublished":"2019-08-06 21:30:00"}]</script>
               <meta property="article:published_time" content="2019-08-06T21:30:00-05:00">"#,
            "published 2019-08-06 (meta), modified none",
        ),
        (
            "a UTC instant yields to the day shown under the headline",
            r#"<html lang="en-US"><meta property="article:published_time" content="2019-08-07T02:30:00+00:00">
               <body><h1>A headline of some length</h1><p class="timestamp">August 6, 2019 9:30 pm</p></body></html>"#,
            "published 2019-08-06 (text), modified none",
        ),
        (
            "a UTC instant yields to its local twin anywhere on the page (same minutes and seconds)",
            r#"<meta property="article:published_time" content="2019-08-07T01:49:09+00:00">
               <h1>A headline of some length</h1><p class="date">7 August 2019, a related story</p>
               <p>Posted <time datetime="2019-08-06 18:49:09">yesterday evening</time></p>"#,
            "published 2019-08-06 (text), modified none",
        ),
        (
            "a UTC instant at 13:00 cannot be the evening before anywhere",
            r#"<meta property="article:published_time" content="2019-08-07T13:00:00Z">
               <h1>A headline of some length</h1><p class="date">6 August 2019</p>"#,
            "published 2019-08-07 (meta), modified none",
        ),
        (
            "a date shown on the UTC day confirms it, whatever other dates follow",
            r#"<meta property="article:published_time" content="2019-08-07T02:00:00Z">
               <h1>A headline of some length</h1><p class="date">7 August 2019</p><p class="date">6 August 2019</p>"#,
            "published 2019-08-07 (meta), modified none",
        ),
        (
            "a UTC instant stays when the page shows no other day near it",
            r#"<meta property="article:published_time" content="2019-08-07T02:30:00Z">"#,
            "published 2019-08-07 (meta), modified none",
        ),
        (
            "a date known to the month yields to a full date that agrees",
            r#"<meta name="citation_publication_date" content="2019/08">
               <meta property="article:published_time" content="2019-08-06">"#,
            "published 2019-08-06 (meta), modified none",
        ),
    ];
    for (why, html, want) in cases {
        assert_eq!(&dates_of(html, None), want, "{why}");
    }
}

#[test]
fn a_page_that_shows_only_its_update_is_cited_by_it() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "the update is the date by the headline, the first publication nowhere on the page",
            r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-01-01T10:00:00+01:00","dateModified":"2023-04-01T12:00:00+02:00"}</script>
               <h1>A headline of some length</h1><p class="meta">01.04.2023, 12:00 Uhr</p>"#,
            "published 2023-04-01 (text), modified 2023-04-01 (jsonld)",
        ),
        (
            "both shown: the publication stays the article's date",
            r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-04-03T12:35:00+02:00","dateModified":"2020-04-11T10:27:00+02:00"}</script>
               <h1>A headline of some length</h1><p class="meta">Publiziert: 03.04.2020, 12:35</p><p class="meta">Aktualisiert: 11.04.2020, 10:27</p>"#,
            "published 2020-04-03 (jsonld), modified 2020-04-11 (jsonld)",
        ),
        (
            "an update the reader never sees changes nothing",
            r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-01-01","dateModified":"2023-04-01"}</script>
               <h1>A headline of some length</h1><p>Text without a date.</p>"#,
            "published 2021-01-01 (jsonld), modified 2023-04-01 (jsonld)",
        ),
    ];
    for (why, html, want) in cases {
        assert_eq!(&dates_of(html, None), want, "{why}");
    }
}
