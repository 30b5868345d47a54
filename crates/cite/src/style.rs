//! Citation styles: the ones a writer asks for by name, hayagriva's archive of CSL
//! styles, and `.csl` files the writer adds to the library.

use hayagriva::archive::ArchivedStyle;
use hayagriva::citationberg::{
    IndependentStyle, LayoutRenderingElement, Name, NamesChild, Style, StyleClass,
};

/// The styles offered first, by the names writers know them by, with the archive
/// style each one is.
pub const NAMED_STYLES: [(&str, &str, &str); 7] = [
    ("apa", "apa", "APA 7th edition"),
    (
        "chicago-author-date",
        "chicago-author-date",
        "Chicago 18th edition (author-date)",
    ),
    (
        "chicago-notes",
        "chicago-notes",
        "Chicago 18th edition (notes and bibliography)",
    ),
    ("mla", "mla", "MLA 9th edition"),
    (
        "harvard",
        "harvard-cite-them-right",
        "Harvard (Cite Them Right)",
    ),
    ("ieee", "ieee", "IEEE"),
    ("vancouver", "vancouver", "Vancouver (NLM, Citing Medicine)"),
];

/// Why a style could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StyleError {
    #[error("there is no citation style called `{name}`; try one of: {known}")]
    Unknown { name: String, known: String },
    #[error("the style file is not a usable CSL style: {reason}")]
    Broken { reason: String },
    #[error(
        "the style file only points to another style ({parent}), which is not among the bundled styles"
    )]
    UnknownParent { parent: String },
}

/// A citation style ready to render with.
#[derive(Debug, Clone)]
pub struct CitationStyle {
    /// What the writer calls it (`apa`, or a user style's file name).
    pub id: String,
    pub title: String,
    pub(crate) csl: IndependentStyle,
}

impl CitationStyle {
    /// A bundled style by one of the names in [`NAMED_STYLES`] or any name of
    /// hayagriva's archive (`american-medical-association`, `nature`, ...).
    pub fn bundled(name: &str) -> Result<CitationStyle, StyleError> {
        let wanted = name.trim().to_ascii_lowercase();
        let archive_name = NAMED_STYLES
            .iter()
            .find(|(id, _, _)| *id == wanted)
            .map(|(_, archived, _)| *archived)
            .unwrap_or(wanted.as_str());
        let archived = ArchivedStyle::by_name(archive_name).ok_or_else(|| StyleError::Unknown {
            name: name.to_owned(),
            known: NAMED_STYLES
                .iter()
                .map(|(id, _, _)| *id)
                .collect::<Vec<_>>()
                .join(", "),
        })?;
        let Style::Independent(mut csl) = archived.get() else {
            return Err(StyleError::Broken {
                reason: format!("the bundled style `{name}` is a dependent style"),
            });
        };
        repair_names(&mut csl);
        let title = NAMED_STYLES
            .iter()
            .find(|(id, _, _)| *id == wanted)
            .map(|(_, _, title)| (*title).to_owned())
            .unwrap_or_else(|| archived.display_name().to_owned());
        Ok(CitationStyle {
            id: wanted,
            title,
            csl,
        })
    }

    /// A style from the XML of a `.csl` file. A dependent style (one that only
    /// names its parent) is resolved against the bundled styles.
    pub fn from_csl(id: &str, xml: &str) -> Result<CitationStyle, StyleError> {
        let style = Style::from_xml(xml).map_err(|e| StyleError::Broken {
            reason: e.to_string(),
        })?;
        let (title, csl) = match style {
            Style::Independent(csl) => (csl.info.title.value.clone(), csl),
            Style::Dependent(dep) => {
                let parent = dep.parent_link.href.clone();
                let Some(archived) = ArchivedStyle::by_id(&parent) else {
                    return Err(StyleError::UnknownParent { parent });
                };
                let Style::Independent(mut csl) = archived.get() else {
                    return Err(StyleError::UnknownParent { parent });
                };
                // The parent comes from the archive: the same repair as there.
                repair_names(&mut csl);
                if dep.default_locale.is_some() {
                    csl.default_locale = dep.default_locale.clone();
                }
                (dep.info.title.value.clone(), csl)
            }
        };
        if csl.citation.layout.elements.is_empty() {
            return Err(StyleError::Broken {
                reason: "its citation layout is empty".into(),
            });
        }
        Ok(CitationStyle {
            id: id.to_owned(),
            title,
            csl,
        })
    }

    /// Whether citations go in footnotes (Chicago notes) rather than in the text.
    pub fn is_note_style(&self) -> bool {
        self.csl.settings.class == StyleClass::Note
    }

    /// Whether the style counts unnumbered paragraphs for a locator ("para. 3"):
    /// APA does (7th ed., 8.28); MLA, Chicago and the rest cite a text without
    /// page or paragraph numbers without a locator.
    pub fn counts_paragraphs(&self) -> bool {
        self.id == "apa" || self.csl.info.id.ends_with("/apa")
    }

    /// Whether this is MLA (its rules are applied where its CSL file is silent).
    pub(crate) fn is_mla(&self) -> bool {
        self.id == "mla" || self.csl.info.id.ends_with("/modern-language-association")
    }

    /// The style as a CSL file, for tools that render citations themselves
    /// (Pandoc's `csl:`).
    pub fn to_csl_xml(&self) -> Result<String, StyleError> {
        let xml =
            Style::Independent(self.csl.clone())
                .to_xml()
                .map_err(|e| StyleError::Broken {
                    reason: e.to_string(),
                })?;
        Ok(format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n{xml}\n"
        ))
    }

    /// The style's CSL id (an address on zotero.org for the archive's styles).
    pub fn csl_id(&self) -> &str {
        &self.csl.info.id
    }

    /// The heading a bibliography has in this style.
    pub fn bibliography_heading(&self) -> &'static str {
        match self.id.as_str() {
            "mla" => "Works Cited",
            "chicago-notes" => "Bibliography",
            _ => "References",
        }
    }
}

/// Every bundled style: the named ones first, then the rest of the archive.
pub fn bundled_styles() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = NAMED_STYLES
        .iter()
        .map(|(id, _, title)| ((*id).to_owned(), (*title).to_owned()))
        .collect();
    for style in ArchivedStyle::all() {
        let name = style.names()[0];
        if NAMED_STYLES
            .iter()
            .any(|(_, archived, _)| *archived == name)
        {
            continue;
        }
        out.push((name.to_owned(), style.display_name().to_owned()));
    }
    out
}

/// Applied to archived styles only (a writer's own file is used as written).
/// Some archived styles (the NLM "Vancouver" among them) lost the `cs:name`
/// element of their author macros on the way into hayagriva's archive, and a
/// `cs:names` without one prints no names at all. Put back the element with the
/// options Citing Medicine prescribes ("Doe J, Roe R").
fn repair_names(csl: &mut IndependentStyle) {
    let name: Name = match serde_json::from_value(serde_json::json!({
        "@delimiter": ", ",
        "@initialize-with": "",
        "@name-as-sort-order": "all",
        "@sort-separator": " ",
        "@delimiter-precedes-last": "always",
    })) {
        Ok(name) => name,
        Err(_) => return,
    };
    for m in csl.macros.iter_mut() {
        for child in m.children.iter_mut() {
            if let LayoutRenderingElement::Names(names) = child {
                let has_name = names
                    .children
                    .iter()
                    .any(|c| matches!(c, NamesChild::Name(_)));
                if !has_name {
                    names.children.insert(0, NamesChild::Name(name.clone()));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_style_loads() {
        for (id, _, _) in NAMED_STYLES {
            let style = CitationStyle::bundled(id).unwrap();
            assert_eq!(style.id, id);
        }
        assert!(CitationStyle::bundled("chicago-notes")
            .unwrap()
            .is_note_style());
        assert!(!CitationStyle::bundled("APA").unwrap().is_note_style());
    }

    #[test]
    fn unknown_and_broken_styles_are_named_errors() {
        let err = CitationStyle::bundled("apa6x").unwrap_err();
        assert!(err.to_string().contains("`apa6x`"), "{err}");
        assert!(err.to_string().contains("chicago-notes"), "{err}");
        let err = CitationStyle::from_csl("mine", "<style><info>").unwrap_err();
        assert!(matches!(err, StyleError::Broken { .. }), "{err:?}");
        let err = CitationStyle::from_csl("mine", "not xml at all").unwrap_err();
        assert!(matches!(err, StyleError::Broken { .. }), "{err:?}");
        let dependent = r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="en-US">
  <info>
    <title>Some Journal</title>
    <id>http://www.zotero.org/styles/some-journal</id>
    <link href="http://www.zotero.org/styles/some-journal" rel="self"/>
    <link href="http://www.zotero.org/styles/no-such-parent" rel="independent-parent"/>
    <updated>2024-01-01T00:00:00+00:00</updated>
  </info>
</style>"#;
        let err = CitationStyle::from_csl("some-journal", dependent).unwrap_err();
        assert!(err.to_string().contains("no-such-parent"), "{err}");
        let dependent = dependent.replace("no-such-parent", "apa");
        let style = CitationStyle::from_csl("some-journal", &dependent).unwrap();
        assert_eq!(style.title, "Some Journal");
    }
}
