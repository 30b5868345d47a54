//! Hostile content through every display path of the real app: XSS vectors and
//! naughty strings in titles, authors, sites, addresses, source text, quotes,
//! notes, tags, claims and search queries. Each vector, if it ever ran, would set
//! `window.__xss` or open an alert; the test visits the sidebar, the reader, the
//! inspector, search results with snippets and facets, the claim page and the
//! export preview, then checks that nothing ran and that the strings shown are
//! the strings stored, byte for byte.

use crate::webdriver::App;
use library::{Config, Library, NewClaim, NewClip, NewSource};
use model::{Author, SourceMeta, Stance};
use serde_json::json;

/// Markup and script in every shape a page might execute.
pub const VECTORS: [&str; 16] = [
    "<script>window.__xss=1</script>",
    "<img src=x onerror=\"window.__xss=1\">",
    "<svg onload=window.__xss=1>",
    "<svg><script>window.__xss=1</script></svg>",
    "<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>",
    "<a href=\"javascript:window.__xss=1\">link</a>",
    "javascript:window.__xss=1",
    "data:text/html,<script>window.__xss=1</script>",
    "<form action=\"javascript:window.__xss=1\"><button>go</button></form>",
    "<style>body{background:url(\"javascript:window.__xss=1\")}</style>",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>",
    "\"><script>window.__xss=1</script>",
    "'-alert(1)-'",
    "{{constructor.constructor('window.__xss=1')()}}",
    "<object data=\"javascript:window.__xss=1\"></object>",
    "<details open ontoggle=window.__xss=1>",
];

/// Strings that break naive code: control characters, bidirectional overrides,
/// zero-width characters, emoji, CJK, combining marks, SQL and shell.
pub const NAUGHTY: [&str; 8] = [
    "bell\u{7} escape\u{1b}[31m red",
    "\u{202e}override\u{202c} and \u{200f}rtl mark",
    "zero\u{200b}width\u{200d}joiner\u{feff}bom",
    "\u{1F469}\u{200D}\u{1F52C} scientist \u{1F1FA}\u{1F1F8}",
    "\u{4E2D}\u{6587} \u{65E5}\u{672C}\u{8A9E} \u{D55C}\u{AD6D}\u{C5B4}",
    "e\u{301}\u{301}\u{301} Z\u{335}\u{321}a\u{334}l\u{336}g\u{337}o",
    "'; DROP TABLE clips; -- \" OR 1=1",
    "$(touch /tmp/pwned) `id` | rm -rf / && echo %s %n",
];

struct Seeded {
    /// The source's blocks as stored: what the reader must show, byte for byte.
    blocks: Vec<String>,
    title: String,
    note: String,
    tag: String,
    claim: String,
    quote: String,
}

/// A library whose every field is hostile, written before the app starts.
fn seed(dir: &std::path::Path) -> Seeded {
    let lib = Library::open(dir, Config::default()).unwrap();
    let all: Vec<&str> = VECTORS.iter().chain(NAUGHTY.iter()).copied().collect();
    let text = all.join("\n\n");
    let title = format!("{} {}", VECTORS[0], NAUGHTY[1]);
    let source = lib
        .add_source(NewSource {
            text,
            markdown: false,
            meta: SourceMeta {
                title: title.clone(),
                authors: vec![
                    Author::Person {
                        family: VECTORS[1].into(),
                        given: NAUGHTY[3].into(),
                    },
                    Author::Organization {
                        name: VECTORS[2].into(),
                    },
                ],
                container_title: Some(VECTORS[5].into()),
                url: Some("https://example.org/\"><img src=x onerror=window.__xss=1>".into()),
                ..SourceMeta::default()
            },
        })
        .unwrap();
    let created = lib
        .create_claim(NewClaim {
            statement: format!("{} {}", VECTORS[3], NAUGHTY[0]),
            ..NewClaim::default()
        })
        .unwrap();
    // Compared with what was stored (a statement's control characters are not kept).
    let (claim, claim_id) = (created.statement, created.id);
    let note = format!("{} {}", VECTORS[4], NAUGHTY[6]);
    let tag = VECTORS[7].to_owned();
    let blocks: Vec<String> = source.blocks.iter().map(|b| b.text.clone()).collect();
    for vector in VECTORS {
        assert!(
            blocks.iter().any(|b| b == vector),
            "{vector:?} is stored as given"
        );
    }
    let mut first: Option<model::Clip> = None;
    for (i, quote) in blocks.iter().enumerate() {
        let clip = lib
            .create_clip(NewClip {
                source_id: source.id.to_string(),
                quote: Some(quote.clone()),
                note: note.clone(),
                tags: vec![tag.clone(), NAUGHTY[i % NAUGHTY.len()].into()],
                ..NewClip::default()
            })
            .unwrap_or_else(|e| panic!("clip {quote:?}: {e}"));
        lib.link_clip(&clip.id, &claim_id, Stance::Contradicts)
            .unwrap();
        first.get_or_insert(clip);
    }
    let first = first.unwrap();
    let _ = (note, tag);
    Seeded {
        blocks,
        title,
        note: first.note.clone(),
        tag: first.tags[0].clone(),
        claim,
        quote: first.quote.exact.clone(),
    }
}

fn nothing_ran(app: &App, place: &str) {
    let flag = app.script(
        "return window.__xss === undefined ? null : String(window.__xss)",
        json!([]),
    );
    assert!(flag.is_null(), "a vector ran at {place}: {flag}");
    assert!(!app.has_alert(), "an alert opened at {place}");
}

/// The exact text content of the first element matching `css`.
fn text_of(app: &App, css: &str) -> String {
    app.find(css);
    app.script(
        "const el = document.querySelector(arguments[0]); return el.value !== undefined && el.tagName !== 'LI' && el.tagName !== 'BUTTON' ? el.value : el.textContent",
        json!([css]),
    )
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

#[test]
fn hostile_content_is_shown_as_text_everywhere_and_never_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let library = tmp.path().join("library");
    let seeded = seed(&library);
    let app = App::launch(&library);

    // The reader: title, byline, every block of text, the clip marks.
    app.wait_text("#reader-title", |t| !t.is_empty());
    nothing_ran(&app, "start");
    assert_eq!(
        text_of(&app, "#reader-title"),
        seeded.title,
        "title, byte for byte"
    );
    let blocks = app.script(
        "return Array.from(document.querySelectorAll('#reader-text p')).map(p => p.textContent)",
        json!([]),
    );
    let shown: Vec<String> = serde_json::from_value(blocks).unwrap();
    assert_eq!(shown, seeded.blocks, "every block is shown as stored");
    assert!(app.find_all("#reader-text mark.clip").len() >= VECTORS.len());
    nothing_ran(&app, "the reader");

    // The sidebar: the source, the claim and the tags.
    let sidebar = app.script(
        "return document.querySelector('#sources').textContent",
        json!([]),
    );
    assert!(sidebar.as_str().unwrap().contains(&seeded.title));
    let claims = app.script(
        "return document.querySelector('#claims').textContent",
        json!([]),
    );
    assert!(claims.as_str().unwrap().contains(&seeded.claim));
    let tags = app.script(
        "return document.querySelector('#tags').textContent",
        json!([]),
    );
    assert!(tags.as_str().unwrap().contains(&seeded.tag));

    // The inspector of the first clip: quote, note, tags, claims, citation.
    app.click(&app.find("#reader-text mark.clip"));
    app.find("#inspector-quote");
    assert_eq!(text_of(&app, "#inspector-quote"), seeded.quote);
    assert_eq!(text_of(&app, "#inspector-note"), seeded.note);
    assert!(text_of(&app, "#inspector-tags").contains(&seeded.tag));
    assert!(text_of(&app, "#inspector-claims").contains(&seeded.claim));
    nothing_ran(&app, "the inspector");

    // The export preview in every format: text, never markup.
    app.click(&app.find("#inspector-preview"));
    for tab in ["text", "html", "markdown", "pandoc"] {
        app.click(&app.find(&format!(".tab[data-format=\"{tab}\"]")));
        app.wait_text("#export-preview", |t| !t.is_empty());
        nothing_ran(&app, &format!("the {tab} preview"));
    }
    let html = app.script(
        "return document.querySelector('#export-preview').children.length",
        json!([]),
    );
    assert_eq!(
        html,
        json!(0),
        "the HTML export is shown as text, not parsed"
    );
    app.press(&["\u{E00C}"]);

    // Search with hostile queries: results, snippets, facets.
    for query in [
        VECTORS[0],
        VECTORS[1],
        "onerror",
        NAUGHTY[6],
        "\u{4E2D}\u{6587}",
        "tag:javascript",
    ] {
        app.click(&app.find("#search"));
        app.script(
            "const s = document.querySelector('#search'); s.value = ''; return null",
            json!([]),
        );
        app.type_into(&app.find("#search"), query);
        app.wait_text("#results-head", |t| !t.is_empty());
        nothing_ran(&app, &format!("the results of {query:?}"));
    }
    let facets = app.script(
        "return document.querySelector('#main').textContent",
        json!([]),
    );
    assert!(
        facets.as_str().unwrap().contains(&seeded.tag)
            || facets.as_str().unwrap().contains("javascript")
    );

    // The claim page with its evidence.
    app.press(&["\u{E00C}"]);
    app.click(&app.find("#claims li"));
    app.wait_text("#claim-title", |t| !t.is_empty());
    assert_eq!(text_of(&app, "#claim-title"), seeded.claim);
    let evidence = app.find_all(".stance-contradicts .evidence-item blockquote");
    assert_eq!(evidence.len(), seeded.blocks.len());
    nothing_ran(&app, "the claim page");

    // No page navigation happened and the document has no injected element.
    let injected = app.script(
        "return document.querySelectorAll('#main script, #main iframe, #main object, #main img, #main svg, #main form, #main style, #main math').length",
        json!([]),
    );
    assert_eq!(injected, json!(0));
    app.screenshot("hostile-claim-page");
}
