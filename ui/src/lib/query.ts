// Facet filters live in the query string itself (`tag:"x"`), so what the writer
// sees in the search box is exactly what is searched.

export type FacetField = "tag" | "claim" | "stance" | "source" | "author";

function term(field: FacetField, value: string): string {
  return `${field}:"${value.replace(/"/g, " ").trim()}"`;
}

export function hasFilter(query: string, field: FacetField, value: string): boolean {
  return query.includes(term(field, value));
}

/** Adds the filter if absent, removes it if present. */
export function toggleFilter(query: string, field: FacetField, value: string): string {
  const t = term(field, value);
  if (query.includes(t)) {
    return query.replace(t, "").replace(/\s+/g, " ").trim();
  }
  return `${query.trim()} ${t}`.trim();
}
