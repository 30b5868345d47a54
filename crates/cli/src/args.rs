//! The command-line grammar.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "commonplace",
    version,
    about = "A commonplace book for writers who quote sources"
)]
pub struct Cli {
    /// The library folder (default: $COMMONPLACE_LIBRARY, else the platform data folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub library: Option<PathBuf>,
    /// Print JSON instead of text, for scripts.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Connect browsers to Commonplace: install or remove the native messaging
    /// host manifests for Chrome, Chromium and Firefox (this user only).
    #[command(subcommand)]
    Browser(BrowserCommand),
    /// The newest captures from the browser.
    Captures {
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
    /// Add, list and show sources.
    #[command(subcommand)]
    Source(SourceCommand),
    /// Save, show, edit and delete clips.
    #[command(subcommand)]
    Clip(ClipCommand),
    /// Create, list and rename claims; link clips to them.
    #[command(subcommand)]
    Claim(ClaimCommand),
    /// Search clips: words, "exact phrases", -exclusions, prefix*, tag:, claim:, source:, author:.
    Search {
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Export clips (or a claim with its evidence, a source's clips, a tag's) as
    /// block quotes with their attribution and link, or cited in a style.
    Export {
        /// Clip ids (or unique starts of them), in the order they should appear.
        #[arg(num_args = 0.., required_unless_present_any = ["claim", "source", "tag"])]
        clips: Vec<String>,
        /// Export this claim's evidence, grouped by stance, instead.
        #[arg(long, conflicts_with_all = ["clips", "source", "tag"])]
        claim: Option<String>,
        /// Export every clip of this source, in the order of its text.
        #[arg(long, conflicts_with_all = ["clips", "tag"])]
        source: Option<String>,
        /// Export every clip with this tag.
        #[arg(long, conflicts_with = "clips")]
        tag: Option<String>,
        /// With --style: also give each quote's link (web pages open at the passage).
        #[arg(long)]
        link: bool,
        /// Citation style: apa, chicago-author-date, chicago-notes, mla, harvard,
        /// ieee, vancouver, any bundled CSL style, or one added with `styles add`.
        #[arg(long)]
        style: Option<String>,
        /// md, html, text, or pandoc (`[@key, p. 4]` with a CSL-JSON bibliography
        /// written beside the output file).
        #[arg(long, default_value = "md")]
        format: String,
        /// Add the bibliography of the cited works.
        #[arg(long)]
        bibliography: bool,
        /// A template file for a house style (Jinja syntax; see the README).
        #[arg(long, value_name = "FILE")]
        template: Option<PathBuf>,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// List citation styles, or add a .csl file as one.
    Styles {
        /// A .csl file to add to the library's styles.
        #[arg(long, value_name = "FILE")]
        add: Option<PathBuf>,
    },
    /// Export sources as BibTeX, BibLaTeX, CSL-JSON or RIS, or import such a file.
    #[command(subcommand)]
    Refs(RefsCommand),
    /// Import clips from a JSON Lines file (one clip per line; see the README).
    /// Lines already imported (the same quote of the same source) are skipped,
    /// so an interrupted import can simply be run again.
    Import {
        file: PathBuf,
        /// Lines per committed batch.
        #[arg(long, default_value_t = 1000)]
        batch: usize,
    },
    /// Check every quote of a draft against the library's clips and sources:
    /// verified, altered (with the word diff and the source's words), not found
    /// or misattributed. Exits with 1 when any quote is altered, not found or
    /// misattributed, so a script can stop the draft from going out.
    Verify {
        /// The draft: Markdown, HTML, plain text, .docx or .odt; `-` reads
        /// standard input (as Markdown).
        draft: PathBuf,
    },
    /// Check that the index agrees with the database and the database is sound.
    Check,
    /// Make a verified backup of the database now (backups are also made daily).
    Backup,
    /// List the library's backups, newest first.
    Backups,
    /// Put a backup in place of the database; the current one is moved aside.
    Restore {
        /// The backup file (see `backups`).
        #[arg(required_unless_present = "latest")]
        backup: Option<PathBuf>,
        /// The newest backup that verifies, e.g. after the database was found damaged.
        #[arg(long, conflicts_with = "backup")]
        latest: bool,
    },
}

#[derive(Subcommand)]
pub enum RefsCommand {
    /// Write the library's sources (or the ones given) in a reference format.
    Export {
        /// Source ids; all sources when none are given.
        sources: Vec<String>,
        /// bibtex, biblatex, csl-json or ris.
        #[arg(long, default_value = "biblatex")]
        format: String,
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Import a .bib, CSL-JSON (.json) or .ris file: each entry becomes a source.
    Import { file: PathBuf },
}

#[derive(Subcommand)]
pub enum SourceCommand {
    /// Add a source from a text or Markdown file (or standard input with `-`).
    Add(SourceAdd),
    /// Import files or web addresses as sources: web pages (.html or an https://
    /// address: readable text and the page's metadata), PDFs (text per page), .md
    /// and .txt.
    Import {
        #[arg(required = true, num_args = 1..)]
        files: Vec<PathBuf>,
        /// The password of an encrypted PDF.
        #[arg(long)]
        password: Option<String>,
    },
    /// Import a newer version of a source: its clips are re-anchored (exactly,
    /// approximately, or marked orphaned) and the old text is kept.
    Reimport { id: String, file: PathBuf },
    /// The earlier versions of a source's text.
    Versions { id: String },
    /// Correct a source's metadata; the fields you set are never overwritten by a
    /// re-import.
    Edit {
        id: String,
        #[arg(long)]
        title: Option<String>,
        /// What kind of work it is: newspaper, magazine, journal, webpage, blog,
        /// report, book, chapter, thesis or document (CSL names work too).
        #[arg(long = "type", value_name = "TYPE")]
        item_type: Option<String>,
        /// When you read it (YYYY-MM-DD): web citations give it.
        #[arg(long)]
        accessed: Option<String>,
        /// Replaces the authors: "Family, Given" for a person (repeat for several).
        #[arg(long = "author")]
        authors: Vec<String>,
        /// Replaces the authors with an organisation (repeat for several).
        #[arg(long = "org")]
        orgs: Vec<String>,
        #[arg(long)]
        site: Option<String>,
        #[arg(long)]
        publisher: Option<String>,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        url: Option<String>,
    },
    /// List sources, newest first.
    List,
    /// Show a source's metadata, text and clips.
    Show { id: String },
    /// Delete a source with its text; one with clips only with --with-clips.
    Delete {
        id: String,
        /// Also delete every clip taken from it.
        #[arg(long)]
        with_clips: bool,
    },
}

#[derive(Args)]
pub struct SourceAdd {
    /// The file with the source's text; `-` reads standard input.
    pub file: PathBuf,
    #[arg(long)]
    pub title: String,
    /// A person author, as "Family, Given" or "Given Family"; repeat for several.
    #[arg(long = "author")]
    pub authors: Vec<String>,
    /// An organisation author ("Reuters"); repeat for several.
    #[arg(long = "org")]
    pub orgs: Vec<String>,
    /// The site, newspaper or journal.
    #[arg(long)]
    pub site: Option<String>,
    #[arg(long)]
    pub publisher: Option<String>,
    /// Publication date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long)]
    pub url: Option<String>,
    /// What kind of work it is: newspaper, magazine, journal, webpage, blog,
    /// report, book, chapter, thesis or document (CSL names work too). Without
    /// it, a source with a site is a web page (with an address) or a newspaper
    /// article.
    #[arg(long = "type", value_name = "TYPE")]
    pub item_type: Option<String>,
    /// When you read it (YYYY-MM-DD): web citations give it.
    #[arg(long)]
    pub accessed: Option<String>,
    /// Read the text as Markdown (default: by the file's extension).
    #[arg(long)]
    pub markdown: bool,
}

#[derive(Subcommand)]
pub enum ClipCommand {
    /// Save a passage of a source, by its exact words or by offsets.
    Add {
        source: String,
        #[arg(long, conflicts_with_all = ["start", "end"], required_unless_present = "start")]
        quote: Option<String>,
        #[arg(long, requires = "end")]
        start: Option<u32>,
        #[arg(long, requires = "start")]
        end: Option<u32>,
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long = "tag")]
        tags: Vec<String>,
    },
    /// List clips: all of them, or a source's, a tag's or a claim's.
    List {
        #[arg(long)]
        source: Option<String>,
        #[arg(long)]
        tag: Option<String>,
        #[arg(long)]
        claim: Option<String>,
    },
    /// Show a clip with its source.
    Show { id: String },
    /// Change a clip's note or tags.
    Edit {
        id: String,
        #[arg(long)]
        note: Option<String>,
        /// Replace the tags with these (repeat for several).
        #[arg(long = "tag")]
        tags: Vec<String>,
        /// Remove every tag.
        #[arg(long, conflicts_with = "tags")]
        clear_tags: bool,
    },
    /// Delete a clip.
    Delete { id: String },
}

#[derive(Subcommand)]
pub enum ClaimCommand {
    /// Create a claim: one sentence the evidence bears on.
    Add {
        statement: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// List claims with their evidence counts.
    List,
    /// Show a claim with its evidence, by stance.
    Show { id: String },
    /// Delete a claim (its clips stay, without the link).
    Delete { id: String },
    /// Merge a claim into another: its links move over, then it is deleted.
    Merge { from: String, into: String },
    /// Give a claim a new statement.
    Rename { id: String, statement: String },
    /// Link a clip to a claim (or change the link's stance).
    Link {
        clip: String,
        claim: String,
        /// supports, contradicts or context
        #[arg(long)]
        stance: model::Stance,
    },
    /// Remove the link between a clip and a claim.
    Unlink { clip: String, claim: String },
}

#[derive(Subcommand)]
pub enum BrowserCommand {
    /// Write the host manifests naming this `commonplace` program, so the
    /// Commonplace extension can reach it.
    Install,
    /// Remove the host manifests.
    Uninstall,
}
