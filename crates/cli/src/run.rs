//! Runs a parsed command against the library.

use crate::args::{
    BrowserCommand, ClaimCommand, Cli, ClipCommand, Command, RefsCommand, SourceAdd, SourceCommand,
};
use crate::output::{self, Printer};
use anyhow::{bail, Context, Result};
use library::location::{platform_data_dir, resolve, LIBRARY_ENV};
use library::{
    BulkRecord, ClipEdit, ClipFilter, Config, ExportFormat, ExportOptions, ExportTarget, IdKind,
    Library, NewClaim, NewClip, NewSource, RefFormat,
};
use model::{Author, ClaimId, ClipId, ItemType, SourceId, SourceMeta};
use std::io::{BufRead, Read};
use std::path::Path;
use std::process::ExitCode;

pub fn run(cli: Cli) -> Result<ExitCode> {
    let dir = resolve(
        cli.library,
        std::env::var_os(LIBRARY_ENV),
        platform_data_dir(),
    )
    .context("no library folder: pass --library DIR or set COMMONPLACE_LIBRARY")?;
    let out = Printer { json: cli.json };
    if let Command::Browser(cmd) = &cli.command {
        return browser(&out, cmd);
    }
    if let Command::Restore { backup, latest } = &cli.command {
        let (lib, what) = match backup {
            Some(backup) if !latest => (
                Library::restore(&dir, backup, Config::default())?,
                backup.display().to_string(),
            ),
            _ => (
                Library::restore_latest(&dir, Config::default())?,
                "the newest verified backup".to_owned(),
            ),
        };
        let text = format!(
            "restored {what} into {}; the replaced database was moved aside\n",
            lib.dir().display()
        );
        out.text_or_json(&text, &serde_json::json!({ "restored": what }));
        return Ok(ExitCode::SUCCESS);
    }
    // A command that only reads never creates a library: a mistyped --library
    // is an error, not a new empty library.
    if reads_only(&cli.command) && !dir.join("library.sqlite").is_file() {
        bail!(
            "there is no library at {}: check --library (or COMMONPLACE_LIBRARY); a library is created when you first add something to it",
            dir.display()
        );
    }
    let lib = Library::open(&dir, Config::default())?;
    match cli.command {
        Command::Source(cmd) => source(&lib, &out, cmd)?,
        Command::Clip(cmd) => clip(&lib, &out, cmd)?,
        Command::Claim(cmd) => claim(&lib, &out, cmd)?,
        Command::Search { query, limit } => {
            let results = lib.search(&query.join(" "), limit)?;
            out.search(&results);
        }
        Command::Export {
            clips,
            claim,
            source,
            tag,
            link,
            style,
            format,
            bibliography,
            template,
            output,
        } => {
            let target = match (claim, source, tag) {
                (Some(id), _, _) => ExportTarget::Claim {
                    id: ClaimId(lib.resolve_id(IdKind::Claim, &id)?),
                },
                (None, Some(id), _) => ExportTarget::Source {
                    id: SourceId(lib.resolve_id(IdKind::Source, &id)?),
                },
                (None, None, Some(tag)) => ExportTarget::Tag { tag },
                (None, None, None) => ExportTarget::Clips {
                    ids: clips
                        .iter()
                        .map(|id| Ok(ClipId(lib.resolve_id(IdKind::Clip, id)?)))
                        .collect::<Result<_>>()?,
                },
            };
            let format = match format.to_ascii_lowercase().as_str() {
                "md" | "markdown" => ExportFormat::Markdown,
                "html" => ExportFormat::Html,
                "text" | "txt" => ExportFormat::Text,
                "pandoc" => ExportFormat::Pandoc,
                other => {
                    anyhow::bail!("`{other}` is not an export format: use md, html, text or pandoc")
                }
            };
            let template = match template {
                Some(path) => Some(
                    std::fs::read_to_string(&path)
                        .with_context(|| format!("could not read {}", path.display()))?,
                ),
                None => None,
            };
            let options = ExportOptions {
                style,
                bibliography,
                link,
                template,
                ..ExportOptions::default()
            };
            match output {
                Some(path) => {
                    let written = lib.save_export(&target, format, &options, &path)?;
                    let names: Vec<String> =
                        written.iter().map(|p| p.display().to_string()).collect();
                    out.text_or_json(
                        &format!("wrote {}\n", names.join(" and ")),
                        &serde_json::json!({ "written": names }),
                    );
                }
                None => {
                    let export = lib.export(&target, &options)?;
                    out.text_or_json(export.get(format), &export);
                }
            }
        }
        Command::Styles { add } => {
            if let Some(path) = add {
                let info = lib.add_style(&path)?;
                out.text_or_json(
                    &format!("added style {} ({})\n", info.id, info.title),
                    &info,
                );
            } else {
                let styles = lib.styles()?;
                let text: String = styles
                    .iter()
                    .map(|s| {
                        let mark = if s.custom { " (yours)" } else { "" };
                        format!("{:<40} {}{mark}\n", s.id, s.title)
                    })
                    .collect();
                out.text_or_json(&text, &styles);
            }
        }
        Command::Refs(RefsCommand::Export {
            sources,
            format,
            output,
        }) => {
            let format = RefFormat::parse(&format).ok_or_else(|| {
                anyhow::anyhow!(
                    "`{format}` is not a reference format: use bibtex, biblatex, csl-json or ris"
                )
            })?;
            let ids: Vec<SourceId> = sources
                .iter()
                .map(|id| Ok(SourceId(lib.resolve_id(IdKind::Source, id)?)))
                .collect::<Result<_>>()?;
            match output {
                Some(path) => {
                    lib.save_references(format, &ids, &path)?;
                    out.text_or_json(
                        &format!("wrote {}\n", path.display()),
                        &serde_json::json!({ "written": path }),
                    );
                }
                None => {
                    let text = lib.export_references(format, &ids)?;
                    out.text_or_json(&text, &serde_json::json!({ "references": text }));
                }
            }
        }
        Command::Refs(RefsCommand::Import { file }) => {
            let report = lib.import_references(&file)?;
            let mut text = format!(
                "added {} sources, {} already in the library\n",
                report.added.len(),
                report.already_there.len()
            );
            for refused in &report.refused {
                text.push_str(&format!("refused: {refused}\n"));
            }
            out.text_or_json(&text, &report);
        }
        Command::Import { file, batch } => return import(&lib, &out, &file, batch),
        Command::Backup => {
            let backup = lib.backup()?;
            out.text_or_json(
                &format!("backed up to {}\n", backup.path.display()),
                &backup,
            );
        }
        Command::Backups => {
            let backups = lib.backups();
            let text: String = backups
                .iter()
                .map(|b| format!("{}\n", b.path.display()))
                .collect();
            out.text_or_json(&text, &backups);
        }
        Command::Verify { draft } => {
            let report = if draft.as_os_str() == "-" {
                let mut buf = Vec::new();
                std::io::stdin()
                    .read_to_end(&mut buf)
                    .context("could not read standard input")?;
                lib.verify_draft(&buf, library::PASTED)?
            } else {
                lib.verify_file(&draft)?
            };
            out.draft_report(&report);
            if !report.summary.ok {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Captures { limit } => out.captures(&lib.recent_captures(limit)?),
        Command::Restore { .. } | Command::Browser(_) => {
            unreachable!("handled before the library is opened")
        }
        Command::Check => {
            let health = lib.health()?;
            out.health(&health);
            if !health.is_ok() {
                return Ok(ExitCode::FAILURE);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Installs or removes the browsers' host manifests (no library involved).
fn browser(out: &Printer, cmd: &BrowserCommand) -> Result<ExitCode> {
    let dirs = library::browser::manifests::BrowserDirs::for_user()
        .context("no home folder: the host manifests go in the user's own folders")?;
    let (done, verb) = match cmd {
        BrowserCommand::Install => {
            let me = std::env::current_exe()
                .and_then(|p| p.canonicalize())
                .context("where this program is could not be found")?;
            (
                library::browser::manifests::install(&me, &dirs)?,
                "installed",
            )
        }
        BrowserCommand::Uninstall => (library::browser::manifests::uninstall(&dirs)?, "removed"),
    };
    let mut text = String::new();
    for m in &done {
        text.push_str(&format!(
            "{verb} for {}: {}\n",
            m.browser.name(),
            output::safe(&m.path)
        ));
    }
    if done.is_empty() {
        text.push_str("nothing to remove: no host manifest was installed\n");
    }
    let mut json = serde_json::Map::new();
    json.insert(verb.to_owned(), serde_json::to_value(&done)?);
    out.text_or_json(&text, &json);
    Ok(ExitCode::SUCCESS)
}

/// Whether a command only reads the library (and so must not create one).
fn reads_only(command: &Command) -> bool {
    match command {
        Command::Search { .. }
        | Command::Check
        | Command::Backups
        | Command::Verify { .. }
        | Command::Captures { .. } => true,
        Command::Export { output, .. } => output.is_none(),
        Command::Styles { add } => add.is_none(),
        Command::Refs(RefsCommand::Export { .. }) => true,
        Command::Source(cmd) => matches!(
            cmd,
            SourceCommand::List | SourceCommand::Show { .. } | SourceCommand::Versions { .. }
        ),
        Command::Clip(cmd) => matches!(cmd, ClipCommand::List { .. } | ClipCommand::Show { .. }),
        Command::Claim(cmd) => matches!(cmd, ClaimCommand::List | ClaimCommand::Show { .. }),
        _ => false,
    }
}

fn source_id(lib: &Library, typed: &str) -> Result<SourceId> {
    Ok(SourceId(lib.resolve_id(IdKind::Source, typed)?))
}

fn clip_id(lib: &Library, typed: &str) -> Result<ClipId> {
    Ok(ClipId(lib.resolve_id(IdKind::Clip, typed)?))
}

fn claim_id(lib: &Library, typed: &str) -> Result<ClaimId> {
    Ok(ClaimId(lib.resolve_id(IdKind::Claim, typed)?))
}

fn item_type(typed: &str) -> Result<ItemType> {
    ItemType::parse_input(typed).ok_or_else(|| {
        anyhow::anyhow!(
            "`{typed}` is not a type of work: use newspaper, magazine, journal, webpage, blog, report, book, chapter, thesis or document"
        )
    })
}

fn source(lib: &Library, out: &Printer, cmd: SourceCommand) -> Result<()> {
    match cmd {
        SourceCommand::Add(add) => {
            let new = new_source(add)?;
            let source = lib.add_source(new)?;
            out.created("source", source.id.as_str(), &source);
        }
        SourceCommand::Import { files, password } => {
            let mut failed = 0;
            let mut imported = Vec::new();
            for file in files {
                let text = file.to_string_lossy();
                let result = if text.starts_with("http://") || text.starts_with("https://") {
                    lib.import_url(&text, password.as_deref())
                } else {
                    lib.import_file_with(&file, password.as_deref())
                };
                match result {
                    Ok(source) if out.json => imported.push(source),
                    Ok(source) => out.created("source", source.id.as_str(), &source),
                    Err(e) => {
                        failed += 1;
                        output::error(&anyhow::Error::new(e), out.json);
                    }
                }
            }
            // Scripts get one JSON document: the array of what was imported.
            if out.json {
                out.text_or_json("", &imported);
            }
            if failed > 0 {
                bail!("{failed} file(s) could not be imported");
            }
        }
        SourceCommand::Reimport { id, file } => {
            let report = lib.reimport_file(&source_id(lib, &id)?, &file)?;
            out.text_or_json(
                &format!(
                    "re-imported {}: {} clips in place, {} moved approximately, {} orphaned (kept, shown apart); the previous text is version {}\n",
                    report.source.id,
                    report.exact,
                    report.approximate,
                    report.orphaned.len(),
                    report.archived_version
                ),
                &report,
            );
        }
        SourceCommand::Versions { id } => {
            let versions = lib.source_versions(&source_id(lib, &id)?)?;
            let text: String = versions
                .iter()
                .map(|v| {
                    format!(
                        "version {} ({} characters, {})\n",
                        v.version,
                        v.text.chars().count(),
                        &v.text_hash[..12]
                    )
                })
                .collect();
            out.text_or_json(&text, &versions);
        }
        SourceCommand::Edit {
            id,
            title,
            item_type: kind,
            accessed,
            authors,
            orgs,
            site,
            publisher,
            date,
            url,
        } => {
            let id = source_id(lib, &id)?;
            let mut meta = lib.source(&id)?.source.meta;
            if let Some(title) = title {
                meta.title = title;
            }
            if let Some(kind) = kind {
                meta.item_type = Some(item_type(&kind)?);
            }
            if let Some(accessed) = accessed {
                meta.accessed = Some(accessed.parse()?);
            }
            if !authors.is_empty() || !orgs.is_empty() {
                meta.authors = authors
                    .iter()
                    .map(|a| Author::person_from_input(a))
                    .collect();
                meta.authors
                    .extend(orgs.into_iter().map(|name| Author::Organization { name }));
            }
            if site.is_some() {
                meta.container_title = site;
            }
            if publisher.is_some() {
                meta.publisher = publisher;
            }
            if let Some(date) = date {
                meta.issued = Some(date.parse()?);
            }
            if url.is_some() {
                meta.url = url;
            }
            let source = lib.edit_source(&id, meta)?;
            out.updated("source", source.id.as_str(), &source);
        }
        SourceCommand::List => out.sources(&lib.sources()?),
        SourceCommand::Show { id } => out.source(&lib.source(&source_id(lib, &id)?)?),
        SourceCommand::Delete { id, with_clips } => {
            let id = source_id(lib, &id)?;
            let clips = lib.delete_source(&id, with_clips)?;
            out.text_or_json(
                &format!("deleted source {id} and its {clips} clip(s)\n"),
                &serde_json::json!({ "deleted": "source", "id": id, "clips": clips }),
            );
        }
    }
    Ok(())
}

fn new_source(add: SourceAdd) -> Result<NewSource> {
    let text = read_text(&add.file)?;
    let markdown = add.markdown
        || add
            .file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    let mut authors: Vec<Author> = add
        .authors
        .iter()
        .map(|a| Author::person_from_input(a))
        .collect();
    authors.extend(
        add.orgs
            .into_iter()
            .map(|name| Author::Organization { name }),
    );
    let issued = add.date.as_deref().map(str::parse).transpose()?;
    let accessed = add.accessed.as_deref().map(str::parse).transpose()?;
    let item_type = add.item_type.as_deref().map(item_type).transpose()?;
    Ok(NewSource {
        text,
        markdown,
        meta: SourceMeta {
            title: add.title,
            authors,
            container_title: add.site,
            publisher: add.publisher,
            issued,
            accessed,
            item_type,
            url: add.url,
            ..SourceMeta::default()
        },
    })
}

/// The text of a file, or of standard input for `-`, in any encoding a writer's
/// tools save text in; a PDF, a folder or a missing file is named as such.
fn read_text(path: &Path) -> Result<String> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("could not read standard input")?;
        return Ok(library::decode_text(buf, "standard input")?);
    }
    Ok(library::read_text_file(path)?)
}

fn clip(lib: &Library, out: &Printer, cmd: ClipCommand) -> Result<()> {
    match cmd {
        ClipCommand::Add {
            source,
            quote,
            start,
            end,
            note,
            tags,
        } => {
            let clip = lib.create_clip(NewClip {
                source_id: source_id(lib, &source)?.0,
                quote,
                start,
                end,
                note,
                tags,
            })?;
            out.created("clip", clip.id.as_str(), &clip);
        }
        ClipCommand::List { source, tag, claim } => {
            let filter = ClipFilter {
                source: source.map(|s| source_id(lib, &s)).transpose()?,
                tag,
                claim: claim.map(|c| claim_id(lib, &c)).transpose()?,
            };
            out.clips(&lib.clips_where(&filter)?);
        }
        ClipCommand::Show { id } => out.clip(&lib.clip(&clip_id(lib, &id)?)?),
        ClipCommand::Edit {
            id,
            note,
            tags,
            clear_tags,
        } => {
            let tags = (clear_tags || !tags.is_empty()).then_some(tags);
            if note.is_none() && tags.is_none() {
                bail!("nothing to change: give --note, --tag or --clear-tags");
            }
            let clip = lib.edit_clip(&clip_id(lib, &id)?, ClipEdit { note, tags })?;
            out.updated("clip", clip.id.as_str(), &clip);
        }
        ClipCommand::Delete { id } => {
            let id = clip_id(lib, &id)?;
            lib.delete_clip(&id)?;
            out.deleted("clip", id.as_str());
        }
    }
    Ok(())
}

fn claim(lib: &Library, out: &Printer, cmd: ClaimCommand) -> Result<()> {
    match cmd {
        ClaimCommand::Add { statement, note } => {
            let claim = lib.create_claim(NewClaim { statement, note })?;
            out.created("claim", claim.id.as_str(), &claim);
        }
        ClaimCommand::List => out.claims(&lib.claims()?),
        ClaimCommand::Show { id } => out.claim(&lib.claim_view(&claim_id(lib, &id)?)?),
        ClaimCommand::Rename { id, statement } => {
            let claim = lib.rename_claim(&claim_id(lib, &id)?, &statement)?;
            out.updated("claim", claim.claim.id.as_str(), &claim);
        }
        ClaimCommand::Delete { id } => {
            let id = claim_id(lib, &id)?;
            lib.delete_claim(&id)?;
            out.deleted("claim", id.as_str());
        }
        ClaimCommand::Merge { from, into } => {
            let (from, into) = (claim_id(lib, &from)?, claim_id(lib, &into)?);
            let merged = lib.merge_claims(&from, &into)?;
            out.updated("claim", merged.claim.id.as_str(), &merged);
        }
        ClaimCommand::Link {
            clip,
            claim,
            stance,
        } => {
            let (clip, claim) = (clip_id(lib, &clip)?, claim_id(lib, &claim)?);
            lib.link_clip(&clip, &claim, stance)?;
            out.linked(clip.as_str(), claim.as_str(), Some(stance));
        }
        ClaimCommand::Unlink { clip, claim } => {
            let (clip, claim) = (clip_id(lib, &clip)?, claim_id(lib, &claim)?);
            lib.unlink_clip(&clip, &claim)?;
            out.linked(clip.as_str(), claim.as_str(), None);
        }
    }
    Ok(())
}

fn import(lib: &Library, out: &Printer, file: &std::path::Path, batch: usize) -> Result<ExitCode> {
    let open =
        || std::fs::File::open(file).with_context(|| format!("could not open {}", file.display()));
    let total = std::io::BufReader::new(open()?).lines().count() as u64;
    let progress = output::progress_bar(total, out.json);
    let lines = std::io::BufReader::new(open()?)
        .lines()
        .enumerate()
        .map(|(i, line)| (i as u64 + 1, parse_record(line)))
        .filter(|(_, record)| !matches!(record, Err(e) if e.is_empty()));
    let report = lib.import_clips(lines, batch, |p| {
        progress.set_position(p.lines);
        out.batch(p);
    })?;
    progress.finish_and_clear();
    out.import_report(&report);
    Ok(if report.progress.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// A record, or why not; an empty error marks a blank line to pass over.
fn parse_record(line: std::io::Result<String>) -> Result<BulkRecord, String> {
    let line = line.map_err(|e| format!("could not read the line: {e}"))?;
    if line.trim().is_empty() {
        return Err(String::new());
    }
    serde_json::from_str(&line).map_err(|e| e.to_string())
}
