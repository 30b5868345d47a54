//! The index schema and the analysis of text.
//!
//! One index holds two kinds of documents: clips, and passages of sources' text
//! (one per block, long blocks cut into chunks). Field names are what a writer types
//! before a colon: `tag:`, `claim:`, `stance:`, `source:` (the title), `author:`.
//! Text is split on word boundaries (Chinese, Japanese and Korean into character
//! pairs, see `cjk`), lower-cased and folded to ASCII (so "cafe" finds "café").
//! The quote, the note, passage text, claims and tags are indexed twice: as
//! written, and stemmed (English) in shadow fields. Words search both (so "regulate" finds
//! "regulators", and the exact form ranks higher); phrases search only the words
//! as written, so an exact phrase query stays exact.

use crate::{ClipDoc, PassageDoc};
use tantivy::schema::{
    FacetOptions, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED,
    STORED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, Stemmer, TextAnalyzer,
};
use tantivy::{doc, Index, TantivyDocument};

pub(crate) const TEXT_ANALYZER: &str = "commonplace_text";
pub(crate) const STEM_ANALYZER: &str = "commonplace_stem";
pub(crate) const CLIP: &str = "clip";
pub(crate) const PASSAGE: &str = "passage";

#[derive(Clone, Copy)]
pub(crate) struct Fields {
    /// "clip" or "passage".
    pub doc: Field,
    /// The source's kind: web, pdf, text, markdown, excerpts (`kind:`).
    pub kind: Field,
    /// The source's date as YYYYMMDD (a year alone as YYYY0000), for `before:`/`after:`.
    pub date: Field,
    /// Clip id (clips only).
    pub id: Field,
    pub source_id: Field,
    /// The source id again, on passages only: deleting by it removes a source's
    /// passages and leaves its clips alone.
    pub passage_of: Field,
    pub quote: Field,
    pub note: Field,
    pub tag: Field,
    pub claim: Field,
    pub stance: Field,
    pub source: Field,
    pub author: Field,
    /// Passage text.
    pub text: Field,
    /// Stemmed shadows of quote, note, text, claims and tags (indexed, not
    /// stored): `claim:standard` finds a claim about "standards".
    pub quote_s: Field,
    pub note_s: Field,
    pub text_s: Field,
    pub claim_s: Field,
    pub tag_s: Field,
    pub start: Field,
    pub end: Field,
    pub f_tag: Field,
    pub f_claim: Field,
    pub f_stance: Field,
    pub f_source: Field,
    pub f_author: Field,
}

pub(crate) fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TEXT_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let stored = text.clone().set_stored();
    let stemmed = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(STEM_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let facet = FacetOptions::default();
    let fields = Fields {
        doc: b.add_text_field("doc", STRING),
        kind: b.add_text_field("kind", text.clone()),
        date: b.add_i64_field("date", INDEXED | FAST),
        id: b.add_text_field("id", STRING | STORED),
        source_id: b.add_text_field("source_id", STRING | STORED),
        passage_of: b.add_text_field("passage_of", STRING),
        quote: b.add_text_field("quote", stored.clone()),
        note: b.add_text_field("note", stored.clone()),
        tag: b.add_text_field("tag", stored.clone()),
        claim: b.add_text_field("claim", text.clone()),
        stance: b.add_text_field("stance", text),
        source: b.add_text_field("source", stored.clone()),
        author: b.add_text_field("author", stored.clone()),
        text: b.add_text_field("text", stored),
        quote_s: b.add_text_field("quote_s", stemmed.clone()),
        note_s: b.add_text_field("note_s", stemmed.clone()),
        text_s: b.add_text_field("text_s", stemmed.clone()),
        claim_s: b.add_text_field("claim_s", stemmed.clone()),
        tag_s: b.add_text_field("tag_s", stemmed),
        start: b.add_u64_field("start", INDEXED | STORED),
        end: b.add_u64_field("end", STORED),
        f_tag: b.add_facet_field("f_tag", facet.clone()),
        f_claim: b.add_facet_field("f_claim", facet.clone()),
        f_stance: b.add_facet_field("f_stance", facet.clone()),
        f_source: b.add_facet_field("f_source", facet.clone()),
        f_author: b.add_facet_field("f_author", facet),
    };
    (b.build(), fields)
}

pub(crate) fn register_tokenizers(index: &Index) {
    let analyzer = TextAnalyzer::builder(crate::cjk::MixedTokenizer)
        .filter(RemoveLongFilter::limit(64))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    index.tokenizers().register(TEXT_ANALYZER, analyzer);
    let stem = TextAnalyzer::builder(crate::cjk::MixedTokenizer)
        .filter(RemoveLongFilter::limit(64))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build();
    index.tokenizers().register(STEM_ANALYZER, stem);
}

fn facet(value: &str) -> tantivy::schema::Facet {
    tantivy::schema::Facet::from_path([value])
}

impl Fields {
    pub(crate) fn clip_document(&self, clip: &ClipDoc) -> TantivyDocument {
        let mut doc = doc!(
            self.doc => CLIP,
            self.kind => clip.source_kind.as_str(),
            self.id => clip.id.as_str(),
            self.source_id => clip.source_id.as_str(),
            self.quote => clip.quote.as_str(),
            self.quote_s => clip.quote.as_str(),
            self.note => clip.note.as_str(),
            self.note_s => clip.note.as_str(),
            self.source => clip.source_title.as_str(),
        );
        doc.add_facet(self.f_source, facet(&clip.source_title));
        if let Some(date) = clip.date {
            doc.add_i64(self.date, date);
        }
        for tag in &clip.tags {
            doc.add_text(self.tag, tag);
            doc.add_text(self.tag_s, tag);
            doc.add_facet(self.f_tag, facet(tag));
        }
        for claim in &clip.claims {
            doc.add_text(self.claim, claim);
            doc.add_text(self.claim_s, claim);
            doc.add_facet(self.f_claim, facet(claim));
        }
        let mut stances = clip.stances.clone();
        stances.sort();
        stances.dedup();
        for stance in &stances {
            doc.add_text(self.stance, stance);
            doc.add_facet(self.f_stance, facet(stance));
        }
        for author in &clip.authors {
            doc.add_text(self.author, author);
            doc.add_facet(self.f_author, facet(author));
        }
        doc
    }

    pub(crate) fn passage_document(&self, passage: &PassageDoc) -> TantivyDocument {
        let mut doc = doc!(
            self.doc => PASSAGE,
            self.kind => passage.source_kind.as_str(),
            self.source_id => passage.source_id.as_str(),
            self.passage_of => passage.source_id.as_str(),
            self.source => passage.source_title.as_str(),
            self.text => passage.text.as_str(),
            self.text_s => passage.text.as_str(),
            self.start => passage.start as u64,
            self.end => passage.end as u64,
        );
        for author in &passage.authors {
            doc.add_text(self.author, author);
        }
        if let Some(date) = passage.date {
            doc.add_i64(self.date, date);
        }
        doc
    }
}
