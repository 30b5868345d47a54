//! Lines of an extracted text that are not the article's, told by their words
//! alone: "Updated …"/"Posted …" date lines, "Read also: …" leads, photo
//! credits, follow-us and subscribe calls, interface labels ("Show image",
//! "Contact:"), and the headings of "you may also like" rails together with
//! the short items under them. Each list holds the words of several languages
//! (the web's most written); none names a site.

use super::dates::{parse::in_text, Order};
use model::{Block, BlockKind};

/// Leads that point to another article ("Read also: …").
const READ_ALSO: &[&str] = &[
    "read also",
    "read more",
    "also read",
    "see also",
    "related:",
    "lesen sie auch",
    "lesen sie mehr",
    "auch lesen",
    "mehr zum thema",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "lea también",
    "lea más",
    "lea:",
    "vea también",
    "ver también",
    "mire:",
    "leia também",
    "leia mais",
    "leggi anche",
    "czytaj też",
    "czytaj także",
    "zobacz też",
];

/// Words that open a date line rather than a sentence.
const DATE_LINE: &[&str] = &[
    "updated",
    "posted",
    "published",
    "last modified",
    "aktualisiert",
    "veröffentlicht",
    "stand:",
    "erstellt",
    "publié",
    "mis à jour",
    "actualizado",
    "publicado",
    "atualizado",
    "pubblicato",
    "aggiornato",
];

/// Words that open a photo credit.
const CREDIT_LEAD: &[&str] = &[
    "foto:",
    "fotos:",
    "photo:",
    "photos:",
    "bild:",
    "bilder:",
    "image:",
    "credit:",
    "credits:",
    "crédit",
    "crédits",
    "titelbild:",
    "quelle:",
    "source:",
    "(crédito",
    "crédito:",
    "copyright:",
    "©",
];

/// Photo agencies and stock libraries whose names end a credit line.
const CREDIT_TAIL: &[&str] = &[
    "getty images",
    "shutterstock",
    "istock",
    "istockphoto",
    "imago",
    "picture alliance",
    "picture-alliance",
    "ap photo",
    "afp",
    "dpa",
    "reuters",
    "epa",
    "keystone",
    "adobe stock",
    "unsplash",
    "pixabay",
];

/// Calls to follow, share or subscribe, and paywall notes.
const CALLS: &[&str] = &[
    "follow us",
    "follow the",
    "folgen sie uns",
    "suivez-nous",
    "síguenos",
    "siga-nos",
    "subscribe",
    "sign up",
    "abonnieren sie",
    "jetzt abonnieren",
    "abonnez-vous",
    "suscríbete",
    "to view the full story",
    "pour lire la suite",
    "for the latest stories",
    "download the",
    "laden sie die",
    "teilen sie",
    "share this",
    "diesen artikel teilen",
];

/// Notes an embed shows until the reader consents, and disclaimers.
const NOTES: &[&str] = &[
    "klicken sie auf den",
    "klicke auf den",
    "click the button",
    "click on the button",
    "wir respektieren deine privatsphäre",
    "wir respektieren ihre privatsphäre",
    "we respect your privacy",
    "mit dem laden des inhalts",
    "by loading the content",
    "this post contains references to products",
    "this page contains affiliate links",
    "dieser artikel enthält affiliate",
    "disclaimer:",
];

/// What a teaser ends with: a link to the story it teases.
const TEASER_END: &[&str] = &[
    "mehr",
    "weiterlesen",
    "read more",
    "continue reading",
    "more",
    "lire la suite",
    "leer más",
    "leia mais",
    "leggi tutto",
    "czytaj więcej",
];

/// Interface labels a page shows around an article.
const LABELS: &[&str] = &[
    "advertisement",
    "anzeige",
    "- anzeige -",
    "-anzeige-",
    "werbung",
    "publicité",
    "publicidad",
    "pubblicità",
    "reklama",
    "bild anzeigen",
    "show image",
    "zum vergrößern",
    "inhaltsverzeichnis",
    "table of contents",
    "contents",
    "sommaire",
    "índice",
    "zurück zur listenansicht",
    "back to list",
    "kommentare geschlossen",
    "comments closed",
    "quellen ausblenden",
    "bild schließen",
    "bild anzeigen bild schließen",
    "vorschau auf den nächsten artikel",
    "next article",
    "previous article",
    "nächster artikel",
    "vorheriger artikel",
];

/// Headings of rails of other articles.
const RAIL_HEADS: &[&str] = &[
    "related",
    "related stories",
    "related articles",
    "more stories",
    "more from",
    "you may also like",
    "you might also like",
    "recommended",
    "most read",
    "most popular",
    "trending",
    "auch interessant",
    "das könnte sie auch interessieren",
    "schon gelesen",
    "mehr themen",
    "mehr zum thema",
    "weitere artikel",
    "heute empfehlen wir",
    "meistgelesen",
    "meistgelesene artikel",
    "meistdiskutierte artikel",
    "empfehlungen der redaktion",
    "à lire aussi",
    "sur le même sujet",
    "les plus lus",
    "te puede interesar",
    "también te puede interesar",
    "lo más leído",
    "noticias relacionadas",
    "potrebbe interessarti",
    "czytaj także",
    "zobacz także",
    "najczęściej czytane",
];

fn lower_trimmed(text: &str) -> String {
    text.to_lowercase()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '©' && c != '(')
        .to_owned()
}

/// Whether one block, by its own words, is not article text.
pub fn not_text(block: &Block) -> bool {
    let text = block.text.as_str();
    let chars = text.chars().count();
    let lower = text.to_lowercase();
    let bare = lower_trimmed(text);
    let words = text.split_whitespace().count();
    let starts = |list: &[&str]| {
        list.iter()
            .any(|w| lower.starts_with(w) || bare.starts_with(w))
    };
    (chars <= 80 && starts(DATE_LINE) && !in_text(text, Order::DayFirst).is_empty())
        || (chars <= 250 && starts(READ_ALSO))
        || (chars <= 120 && (starts(CREDIT_LEAD) || CREDIT_TAIL.iter().any(|w| bare.ends_with(w))))
        || (chars <= 250 && starts(CALLS))
        || LABELS.contains(&bare.as_str())
        || (chars <= 300 && starts(NOTES))
        || (chars <= 200 && teaser(&lower))
        || label_row(text)
        // "Contact:", "Views:", "By:": a word or two and a colon, then nothing.
        || (block.kind == BlockKind::Paragraph && words <= 2 && text.trim_end().ends_with(':'))
        // A clock time alone ("3:59 PM").
        || (words <= 2 && chars <= 8 && text.contains(':') && text.chars().any(|c| c.is_ascii_digit())
            && text.chars().all(|c| c.is_ascii_digit() || ": apmAPM.".contains(c)))
}

/// "Some words… more ●●●": a teaser, cut short and followed by its link.
fn teaser(lower: &str) -> bool {
    let Some(after) = lower
        .rsplit_once('…')
        .or_else(|| lower.rsplit_once("..."))
        .map(|(_, a)| a)
    else {
        return false;
    };
    let after = after.trim_matches(|c: char| !c.is_alphanumeric());
    TEASER_END.contains(&after)
}

/// "Comment feed | Comments closed | Trackback URL": a row of short labels.
fn label_row(text: &str) -> bool {
    let cells: Vec<&str> = text.split(" | ").collect();
    cells.len() >= 3 && cells.iter().all(|c| c.split_whitespace().count() <= 3)
}

/// Drops a rail's heading and the short items under it, up to the next
/// heading or the next long paragraph.
pub fn without_rails(blocks: Vec<Block>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    let mut in_rail = false;
    for block in blocks {
        let bare = lower_trimmed(&block.text);
        let words = block.text.split_whitespace().count();
        if words <= 7
            && RAIL_HEADS
                .iter()
                .any(|h| bare == *h || bare.starts_with(&format!("{h}:")))
        {
            in_rail = true;
            continue;
        }
        if in_rail {
            let short = words <= 20 && block.kind != BlockKind::Heading;
            if short {
                continue;
            }
            in_rail = false;
        }
        out.push(block);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_that_are_not_article_text() {
        let p = |t: &str| Block::new(BlockKind::Paragraph, t.to_owned());
        let cases = [
            ("Updated 6 August 2019, 10:15", true),
            ("Read also: Another story entirely", true),
            ("Lea también: Otra noticia", true),
            ("Foto: Max Muster", true),
            ("The minister at the summit. Jane Doe/Getty Images", true),
            ("Follow The Example Times on Twitter and Instagram", true),
            ("To view the full story, please subscribe.", true),
            ("Bild anzeigen", true),
            ("- Anzeige -", true),
            ("Kontakt:", true),
            ("3:59 PM", true),
            ("Klicken Sie auf den Button, um den Inhalt von example.org zu laden.", true),
            ("Past weather, on request… more •••", true),
            ("Comment feed | Comments closed | Trackback URL", true),
            ("She said more was needed… and the council agreed to more.", false),
            ("Prices rose | wages fell | rents climbed across the whole country last year", false),
            ("Updated figures show a rise of 3 percent since 6 August 2019 in every region of the country and beyond.", false),
            ("The agency said the photos were taken by Reuters staff in the field, which was later confirmed by others.", false),
            ("Ingredients: flour, sugar and eggs.", false),
            ("Contents of the report were leaked.", false),
        ];
        for (text, dropped) in cases {
            assert_eq!(
                not_text(&p(text)),
                dropped,
                "is {text:?} left out of the article text"
            );
        }
    }

    #[test]
    fn a_rail_goes_with_its_items_and_the_text_after_it_stays() {
        let h = |t: &str| Block::new(BlockKind::Heading, t.to_owned());
        let p = |t: &str| Block::new(BlockKind::Paragraph, t.to_owned());
        let long = "A long paragraph of the article that follows the rail, with many words in it to be clearly text of its own.";
        let blocks = vec![
            p("Article text."),
            h("You may also like"),
            p("Another story headline"),
            p("A third story headline"),
            p(long),
            h("Auch interessant"),
            h("Next section"),
        ];
        let kept: Vec<String> = without_rails(blocks).into_iter().map(|b| b.text).collect();
        assert_eq!(kept, vec!["Article text.", long, "Next section"]);
    }
}
