//! A source is what the writer read: a news article, a report, a PDF, pasted text.
//! Its metadata follows CSL's vocabulary so that citations can be rendered from it
//! without guessing, and its text is kept as an ordered list of blocks so the reader
//! can show structure without ever rendering the original (untrusted) HTML.

use crate::{PartialDate, SourceId, Timestamp};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How the source came in; decides how it is cited and how it is re-imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum SourceKind {
    /// Plain text typed or pasted by the writer.
    Text,
    /// A Markdown document, kept with its block structure.
    Markdown,
    /// A web page (HTML from a file or a URL).
    Web,
    /// A PDF, with page breaks among its blocks.
    Pdf,
    /// A source known only through the excerpts saved from it (for example a
    /// bulk import of highlights without the full text).
    Excerpts,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Text => "text",
            SourceKind::Markdown => "markdown",
            SourceKind::Web => "web",
            SourceKind::Pdf => "pdf",
            SourceKind::Excerpts => "excerpts",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "text" => SourceKind::Text,
            "markdown" => SourceKind::Markdown,
            "web" => SourceKind::Web,
            "pdf" => SourceKind::Pdf,
            "excerpts" => SourceKind::Excerpts,
            _ => return None,
        })
    }
}

/// An author as CSL names one: a person with family and given names, or a literal
/// name for an organisation ("Reuters", "International Energy Agency").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Author {
    Person { family: String, given: String },
    Organization { name: String },
}

impl Author {
    /// Reads an author as a writer types one: "Family, Given" or "Given Family" is a
    /// person; a single word is kept whole as a person's family name.
    pub fn person_from_input(input: &str) -> Author {
        let input = input.trim();
        if let Some((family, given)) = input.split_once(',') {
            return Author::Person {
                family: family.trim().to_owned(),
                given: given.trim().to_owned(),
            };
        }
        match input.rsplit_once(' ') {
            Some((given, family)) => Author::Person {
                family: family.trim().to_owned(),
                given: given.trim().to_owned(),
            },
            None => Author::Person {
                family: input.to_owned(),
                given: String::new(),
            },
        }
    }

    /// The name as it reads in running text: "Jane Doe", "Reuters".
    pub fn display_name(&self) -> String {
        match self {
            Author::Person { family, given } if given.is_empty() => family.clone(),
            Author::Person { family, given } => format!("{given} {family}"),
            Author::Organization { name } => name.clone(),
        }
    }
}

/// What kind of work a source is, in CSL's vocabulary: it decides how every style
/// cites it (a report names its issuing body and number, a newspaper article its
/// paper and full date, a web page its site and the day it was read).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ItemType {
    ArticleNewspaper,
    ArticleMagazine,
    ArticleJournal,
    Webpage,
    PostWeblog,
    Report,
    Book,
    Chapter,
    Thesis,
    Document,
}

impl ItemType {
    pub const ALL: [ItemType; 10] = [
        ItemType::ArticleNewspaper,
        ItemType::ArticleMagazine,
        ItemType::ArticleJournal,
        ItemType::Webpage,
        ItemType::PostWeblog,
        ItemType::Report,
        ItemType::Book,
        ItemType::Chapter,
        ItemType::Thesis,
        ItemType::Document,
    ];

    /// The CSL name: `article-newspaper`, `report`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            ItemType::ArticleNewspaper => "article-newspaper",
            ItemType::ArticleMagazine => "article-magazine",
            ItemType::ArticleJournal => "article-journal",
            ItemType::Webpage => "webpage",
            ItemType::PostWeblog => "post-weblog",
            ItemType::Report => "report",
            ItemType::Book => "book",
            ItemType::Chapter => "chapter",
            ItemType::Thesis => "thesis",
            ItemType::Document => "document",
        }
    }

    /// Reads a type as a writer types it: the CSL name, or a plain word
    /// (`newspaper`, `magazine`, `journal`, `web`, `blog`, `report`, ...).
    /// Unknown words are `None`, so a typo is an error rather than a "document".
    pub fn parse_input(input: &str) -> Option<ItemType> {
        let word = input.trim().to_ascii_lowercase().replace([' ', '_'], "-");
        if let Some(t) = ItemType::ALL.iter().find(|t| t.as_str() == word) {
            return Some(*t);
        }
        Some(match word.as_str() {
            "newspaper" | "news" | "newspaper-article" => ItemType::ArticleNewspaper,
            "magazine" | "magazine-article" => ItemType::ArticleMagazine,
            "journal" | "journal-article" | "article" | "paper" => ItemType::ArticleJournal,
            "web" | "web-page" | "page" | "website" => ItemType::Webpage,
            "blog" | "blog-post" | "post" => ItemType::PostWeblog,
            "working-paper" => ItemType::Report,
            _ => return None,
        })
    }

    /// Reads a CSL type name; the many CSL types Commonplace does not model
    /// separately come back as their nearest kin (`article` is a journal article,
    /// `paper-conference` a chapter of proceedings, anything else a document).
    pub fn from_csl(name: &str) -> ItemType {
        match name {
            "article-newspaper" => ItemType::ArticleNewspaper,
            "article-magazine" => ItemType::ArticleMagazine,
            "article-journal" | "article" => ItemType::ArticleJournal,
            "webpage" => ItemType::Webpage,
            "post-weblog" | "post" => ItemType::PostWeblog,
            "report" => ItemType::Report,
            "book" => ItemType::Book,
            "chapter" | "paper-conference" | "entry-encyclopedia" | "entry-dictionary" => {
                ItemType::Chapter
            }
            "thesis" => ItemType::Thesis,
            _ => ItemType::Document,
        }
    }
}

/// CSL-style bibliographic metadata of a source.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default)]
pub struct SourceMeta {
    pub title: String,
    pub authors: Vec<Author>,
    /// The site, newspaper or journal the source appeared in (CSL `container-title`).
    pub container_title: Option<String>,
    pub publisher: Option<String>,
    pub issued: Option<PartialDate>,
    pub url: Option<String>,
    pub canonical_url: Option<String>,
    pub doi: Option<String>,
    pub isbn: Option<String>,
    pub language: Option<String>,
    pub accessed: Option<PartialDate>,
    /// What kind of work this is; when unset it is inferred from how the source
    /// came in (see [`SourceMeta::item_type_for`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub item_type: Option<ItemType>,
    /// A report's or working paper's number ("WEO-2023", "No. 42").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub number: Option<String>,
    /// A report's or thesis's kind in words ("Working paper", "PhD thesis").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub genre: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub volume: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub issue: Option<String>,
    /// The page range of an article or chapter in its container ("45-67").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub pages: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub edition: Option<String>,
    /// The publisher's city (CSL `publisher-place`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub place: Option<String>,
    /// Editors of a book, or of the book a chapter is in.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<Author>>", optional))]
    pub editors: Vec<Author>,
    /// The key Pandoc and LaTeX cite the source by (`zhang2021China`); given once
    /// and then kept, so drafts that cite it keep working.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub citation_key: Option<String>,
}

impl SourceMeta {
    /// Names of the metadata fields that hold a value, as used in `origins`.
    pub fn filled_fields(&self) -> Vec<&'static str> {
        let mut fields = Vec::new();
        let mut add = |present: bool, name: &'static str| {
            if present {
                fields.push(name);
            }
        };
        add(!self.title.is_empty(), "title");
        add(!self.authors.is_empty(), "authors");
        add(self.container_title.is_some(), "containerTitle");
        add(self.publisher.is_some(), "publisher");
        add(self.issued.is_some(), "issued");
        add(self.url.is_some(), "url");
        add(self.canonical_url.is_some(), "canonicalUrl");
        add(self.doi.is_some(), "doi");
        add(self.isbn.is_some(), "isbn");
        add(self.language.is_some(), "language");
        add(self.accessed.is_some(), "accessed");
        add(self.item_type.is_some(), "itemType");
        add(self.number.is_some(), "number");
        add(self.genre.is_some(), "genre");
        add(self.volume.is_some(), "volume");
        add(self.issue.is_some(), "issue");
        add(self.pages.is_some(), "pages");
        add(self.edition.is_some(), "edition");
        add(self.place.is_some(), "place");
        add(!self.editors.is_empty(), "editors");
        add(self.citation_key.is_some(), "citationKey");
        fields
    }

    /// The item type to cite the source as: the one set, or else the one its
    /// metadata and the way it came in point to. A page with a DOI and a journal is
    /// a journal article, a PDF issued by an organisation is a report, an ISBN
    /// makes a book, and any other web page is a web page. A text the writer
    /// added with a site or newspaper named is a web page when it has an address
    /// and a newspaper article when not ("document" would cite it as a part
    /// "In" the paper).
    pub fn item_type_for(&self, kind: SourceKind) -> ItemType {
        if let Some(t) = self.item_type {
            return t;
        }
        if self.doi.is_some() && self.container_title.is_some() {
            return ItemType::ArticleJournal;
        }
        if self.isbn.is_some() {
            return ItemType::Book;
        }
        if self.number.is_some() {
            return ItemType::Report;
        }
        match kind {
            SourceKind::Web => ItemType::Webpage,
            SourceKind::Pdf
                if self.publisher.is_some()
                    || self
                        .authors
                        .iter()
                        .any(|a| matches!(a, Author::Organization { .. })) =>
            {
                ItemType::Report
            }
            SourceKind::Text | SourceKind::Markdown | SourceKind::Excerpts
                if self.container_title.is_some() =>
            {
                if self.url.is_some() || self.canonical_url.is_some() {
                    ItemType::Webpage
                } else {
                    ItemType::ArticleNewspaper
                }
            }
            _ => ItemType::Document,
        }
    }
}

/// The structural role of a block of source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum BlockKind {
    Heading,
    Paragraph,
    Quote,
    ListItem,
    Preformatted,
    /// The start of a PDF page; carries the page number and no text.
    PageBreak,
}

impl BlockKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Quote => "quote",
            BlockKind::ListItem => "listItem",
            BlockKind::Preformatted => "preformatted",
            BlockKind::PageBreak => "pageBreak",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "heading" => BlockKind::Heading,
            "paragraph" => BlockKind::Paragraph,
            "quote" => BlockKind::Quote,
            "listItem" => BlockKind::ListItem,
            "preformatted" => BlockKind::Preformatted,
            "pageBreak" => BlockKind::PageBreak,
            _ => return None,
        })
    }
}

/// One block of a source's extracted text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    /// Heading level 1 to 6, for headings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub level: Option<u8>,
    /// Page number, for page breaks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub page: Option<u32>,
}

impl Block {
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Block {
        Block {
            kind,
            text: text.into(),
            level: None,
            page: None,
        }
    }

    pub fn paragraph(text: impl Into<String>) -> Block {
        Block::new(BlockKind::Paragraph, text)
    }
}

/// A source with its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Source {
    pub id: SourceId,
    pub kind: SourceKind,
    pub meta: SourceMeta,
    /// Where each metadata field came from ("user", later "jsonld", "highwire", ...).
    /// A field whose origin is "user" is never overwritten by a re-import.
    pub origins: BTreeMap<String, String>,
    pub blocks: Vec<Block>,
    /// SHA-256 (hex) of the source text, to tell versions apart.
    pub text_hash: String,
    /// SHA-256 (hex) of the original file kept in the library's `blobs/` folder
    /// (the HTML of a web page), for export and archiving; never rendered.
    pub blob: Option<String>,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub created_at: Timestamp,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub updated_at: Timestamp,
}

impl Source {
    /// Whether the source has any text to read and quote. A web page whose
    /// article text could not be found is kept for its metadata with no blocks
    /// (a PDF of scanned pages has only page breaks): the reader says so rather
    /// than showing an empty page. Worked out from the blocks, never stored, so
    /// it cannot disagree with them.
    pub fn has_text(&self) -> bool {
        has_text(&self.blocks)
    }
}

/// Whether any block holds text (page breaks carry none).
pub fn has_text(blocks: &[Block]) -> bool {
    blocks
        .iter()
        .any(|b| b.kind != BlockKind::PageBreak && !b.text.trim().is_empty())
}

/// A source as a list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SourceSummary {
    pub id: SourceId,
    pub kind: SourceKind,
    pub title: String,
    pub authors: Vec<Author>,
    pub container_title: Option<String>,
    pub issued: Option<PartialDate>,
    pub clip_count: u32,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub created_at: Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authors_typed_by_a_writer_become_family_and_given_names() {
        let cases = [
            ("Doe, Jane", ("Doe", "Jane")),
            ("Jane Doe", ("Doe", "Jane")),
            ("Mary Ann van Buren", ("Buren", "Mary Ann van")),
            ("Plato", ("Plato", "")),
        ];
        for (input, (family, given)) in cases {
            let expected = Author::Person {
                family: family.into(),
                given: given.into(),
            };
            assert_eq!(
                Author::person_from_input(input),
                expected,
                "input {input:?}"
            );
        }
    }
}
