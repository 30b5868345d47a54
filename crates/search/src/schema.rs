//! The index schema and the analysis of text.
//!
//! Text is split on word boundaries, lower-cased and folded to ASCII (so "cafe"
//! finds "café"), without stemming for now: exact phrase queries stay exact.

use crate::ClipDoc;
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, STORED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};
use tantivy::{doc, Index, TantivyDocument};

pub(crate) const TEXT_ANALYZER: &str = "commonplace_text";

#[derive(Clone, Copy)]
/// Field names are what a writer types before a colon: `tag:`, `claim:`,
/// `source:` (the title) and `author:`.
pub(crate) struct Fields {
    pub id: Field,
    pub source_id: Field,
    pub quote: Field,
    pub note: Field,
    pub tags: Field,
    pub claims: Field,
    pub source_title: Field,
    pub authors: Field,
}

pub(crate) fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TEXT_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let stored_text = text.clone().set_stored();
    let fields = Fields {
        id: builder.add_text_field("id", STRING | STORED),
        source_id: builder.add_text_field("source_id", STRING | STORED),
        quote: builder.add_text_field("quote", stored_text.clone()),
        note: builder.add_text_field("note", stored_text.clone()),
        tags: builder.add_text_field("tag", stored_text.clone()),
        claims: builder.add_text_field("claim", text),
        source_title: builder.add_text_field("source", stored_text.clone()),
        authors: builder.add_text_field("author", stored_text),
    };
    (builder.build(), fields)
}

pub(crate) fn register_tokenizers(index: &Index) {
    let analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(64))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    index.tokenizers().register(TEXT_ANALYZER, analyzer);
}

impl Fields {
    pub(crate) fn document(&self, clip: &ClipDoc) -> TantivyDocument {
        let mut doc = doc!(
            self.id => clip.id.as_str(),
            self.source_id => clip.source_id.as_str(),
            self.quote => clip.quote.as_str(),
            self.note => clip.note.as_str(),
            self.source_title => clip.source_title.as_str(),
        );
        for tag in &clip.tags {
            doc.add_text(self.tags, tag);
        }
        for claim in &clip.claims {
            doc.add_text(self.claims, claim);
        }
        for author in &clip.authors {
            doc.add_text(self.authors, author);
        }
        doc
    }
}
