//! Which of many sources a citation names, without comparing it with each.
//!
//! A draft of 300 quotes checked against a library of thousands of sources asks,
//! for every citation, which sources it names: [`attribution_matches`] against
//! each would parse every source's address and split every name again, for
//! every quote. A [`Directory`] files each source once under the words that
//! must appear in a citation naming it (for a name of several words, its
//! longest word, since every word must appear), its address, its host, its DOI
//! and its key; a citation then looks up only the sources filed under its own words,
//! host, DOI or key, and confirms each with [`attribution_matches`]. So the
//! answer is exactly that function's, only sooner.

use super::{attribution_matches, comparable_url, doi_of, host_of, initials, outlet_names, words};
use crate::draft::scan_urls;
use crate::quotes::Citation;
use model::{Author, SourceMeta};
use std::collections::{BTreeSet, HashMap};

/// Sources by what a citation of them must contain.
pub struct Directory {
    sources: Vec<(String, SourceMeta)>,
    by_id: HashMap<String, usize>,
    by_key: HashMap<String, Vec<usize>>,
    /// By the address in comparable form, and by its host alone (for a link
    /// to a site's front page): many sources share a host.
    by_address: HashMap<String, Vec<usize>>,
    by_host: HashMap<String, Vec<usize>>,
    by_doi: HashMap<String, Vec<usize>>,
    by_word: HashMap<String, Vec<usize>>,
}

impl Directory {
    /// Files `(id, metadata)` pairs; a source's key is its metadata's.
    pub fn new(sources: impl IntoIterator<Item = (String, SourceMeta)>) -> Directory {
        let mut d = Directory {
            sources: Vec::new(),
            by_id: HashMap::new(),
            by_key: HashMap::new(),
            by_address: HashMap::new(),
            by_host: HashMap::new(),
            by_doi: HashMap::new(),
            by_word: HashMap::new(),
        };
        for (k, (id, meta)) in sources.into_iter().enumerate() {
            d.file(k, &meta);
            d.by_id.insert(id.clone(), k);
            d.sources.push((id, meta));
        }
        d
    }

    fn file(&mut self, k: usize, meta: &SourceMeta) {
        let put = |map: &mut HashMap<String, Vec<usize>>, value: String| {
            let list = map.entry(value).or_default();
            if list.last() != Some(&k) {
                list.push(k);
            }
        };
        if let Some(key) = &meta.citation_key {
            put(&mut self.by_key, key.clone());
        }
        if let Some(doi) = &meta.doi {
            put(&mut self.by_doi, doi.trim().to_lowercase());
        }
        for address in [&meta.url, &meta.canonical_url].into_iter().flatten() {
            if let Some(comparable) = comparable_url(address) {
                put(&mut self.by_address, comparable);
            }
            if let Some(host) = host_of(address) {
                // "Reuters said" names reuters.com by its first label.
                if let Some(label) = host.split('.').next() {
                    put(&mut self.by_word, label.to_owned());
                }
                put(&mut self.by_host, host);
            }
        }
        let families = meta.authors.iter().filter_map(|a| match a {
            Author::Person { family, .. } => Some(words(family)),
            Author::Organization { .. } => None,
        });
        let title = words(&meta.title);
        let main_title = words(meta.title.split([':', '|']).next().unwrap_or_default());
        for name in families
            .chain(outlet_names(meta))
            .chain([title, main_title])
        {
            if let Some(longest) = name.iter().max_by_key(|w| w.chars().count()) {
                put(&mut self.by_word, longest.clone());
            }
        }
        for outlet in outlet_names(meta) {
            // "IEA said" names the International Energy Agency.
            put(&mut self.by_word, initials(&outlet));
        }
    }

    /// How many sources are filed.
    pub fn len(&self) -> usize {
        self.sources.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// A filed source's metadata by its id.
    pub fn meta(&self, id: &str) -> Option<&SourceMeta> {
        self.by_id.get(id).map(|&k| &self.sources[k].1)
    }

    /// The ids of the sources `cited` names, in the order they were filed.
    pub fn named(&self, cited: &Citation) -> Vec<&str> {
        self.filed(cited)
            .into_iter()
            .filter(|&k| self.names(cited, k))
            .map(|k| self.sources[k].0.as_str())
            .collect()
    }

    /// Whether `cited` names any source filed.
    pub fn knows(&self, cited: &Citation) -> bool {
        self.filed(cited).into_iter().any(|k| self.names(cited, k))
    }

    fn names(&self, cited: &Citation, k: usize) -> bool {
        let (_, meta) = &self.sources[k];
        attribution_matches(cited, meta, meta.citation_key.as_deref())
    }

    /// The sources filed under what `cited` holds: every source it names, and
    /// some it does not.
    fn filed(&self, cited: &Citation) -> BTreeSet<usize> {
        let mut maybe: BTreeSet<usize> = BTreeSet::new();
        match cited {
            Citation::Key(key) => look(&self.by_key, key, &mut maybe),
            Citation::Url(url) => self.address(url, &mut maybe),
            Citation::Footnote(text) => {
                for url in scan_urls(text) {
                    self.address(&url, &mut maybe);
                }
                for w in words(text) {
                    look(&self.by_word, &w, &mut maybe);
                }
            }
            Citation::Said(name) => {
                let said = words(name);
                for w in &said {
                    look(&self.by_word, w, &mut maybe);
                }
                look(&self.by_word, &said.concat(), &mut maybe);
            }
        }
        maybe
    }

    /// Sources filed under an address, its DOI, or (for a site's front page)
    /// its host.
    fn address(&self, url: &str, into: &mut BTreeSet<usize>) {
        if let Some(comparable) = comparable_url(url) {
            look(&self.by_address, &comparable, into);
            if !comparable.contains('/') {
                if let Some(host) = host_of(url) {
                    look(&self.by_host, &host, into);
                }
            }
        }
        if let Some(doi) = doi_of(url) {
            look(&self.by_doi, &doi, into);
        }
    }
}

fn look(map: &HashMap<String, Vec<usize>>, value: &str, into: &mut BTreeSet<usize>) {
    if let Some(list) = map.get(value) {
        into.extend(list.iter().copied());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(family: &str) -> Author {
        Author::Person {
            family: family.into(),
            given: "A.".into(),
        }
    }

    fn org(name: &str) -> Author {
        Author::Organization { name: name.into() }
    }

    fn sources() -> Vec<(String, SourceMeta)> {
        let meta =
            |title: &str, authors: Vec<Author>, site: Option<&str>, url: Option<&str>| SourceMeta {
                title: title.into(),
                authors,
                container_title: site.map(Into::into),
                url: url.map(Into::into),
                ..SourceMeta::default()
            };
        let mut list = vec![
            meta(
                "China's Economy: The Long Slowdown",
                vec![person("Zhang")],
                Some("Reuters"),
                Some("https://www.reuters.com/world/china/"),
            ),
            meta(
                "World Energy Outlook 2023",
                vec![org("International Energy Agency")],
                None,
                Some("https://www.iea.org/reports/weo-2023"),
            ),
            meta(
                "Markets Adjust",
                vec![person("Doe"), person("García Márquez")],
                Some("The Economist"),
                None,
            ),
            SourceMeta {
                doi: Some("10.1000/XYZ.123".into()),
                citation_key: Some("smith2021".into()),
                ..meta("Rates and Promises", vec![person("Smith")], None, None)
            },
            meta(
                "Untitled",
                Vec::new(),
                None,
                Some("https://reuters.com/other"),
            ),
        ];
        list.push(list[0].clone());
        list.into_iter()
            .enumerate()
            .map(|(k, m)| (format!("s{k}"), m))
            .collect()
    }

    #[test]
    fn a_directory_names_exactly_the_sources_a_scan_would() {
        let sources = sources();
        let directory = Directory::new(sources.clone());
        let cited = [
            Citation::Said("Reuters".into()),
            Citation::Said("the Economist".into()),
            Citation::Said("IEA".into()),
            Citation::Said("Garcia Marquez".into()),
            Citation::Said("Powell".into()),
            Citation::Said("Zhang".into()),
            Citation::Url("https://reuters.com/world/china".into()),
            Citation::Url("https://doi.org/10.1000%2Fxyz.123".into()),
            Citation::Url("https://www.reuters.com".into()),
            Citation::Url("not an address".into()),
            Citation::Key("smith2021".into()),
            Citation::Key("nobody".into()),
            Citation::Footnote("International Energy Agency, World Energy Outlook 2023.".into()),
            Citation::Footnote("See https://www.iea.org/reports/weo-2023 for more.".into()),
            Citation::Footnote("Doe, “Markets Adjust”, 2022.".into()),
            Citation::Footnote("An interview.".into()),
        ];
        for c in &cited {
            let scan: Vec<&str> = sources
                .iter()
                .filter(|(_, m)| attribution_matches(c, m, m.citation_key.as_deref()))
                .map(|(id, _)| id.as_str())
                .collect();
            assert_eq!(directory.named(c), scan, "{c:?}");
            assert_eq!(directory.knows(c), !scan.is_empty(), "{c:?}");
        }
        assert_eq!(
            directory.named(&Citation::Said("Reuters".into())),
            ["s0", "s4", "s5"],
            "by outlet and by the address's name, in the order filed"
        );
        assert_eq!(
            directory.meta("s3").map(|m| m.title.as_str()),
            Some("Rates and Promises")
        );
        assert_eq!(directory.len(), 6);
    }
}
