// Type-ahead over existing claims: what the writer types is matched against each
// statement, best matches first, so Enter picks the claim they mean or creates a
// new one when nothing matches exactly.

export interface Candidate {
  id: string;
  statement: string;
}

function fold(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/** Candidates whose statement contains every typed word, ranked: exact, prefix, then by where the words appear. */
export function rankClaims<T extends Candidate>(typed: string, claims: T[], limit = 8): T[] {
  const query = fold(typed.trim());
  if (!query) return claims.slice(0, limit);
  const words = query.split(/\s+/);
  const scored: { claim: T; score: number }[] = [];
  for (const claim of claims) {
    const text = fold(claim.statement);
    if (!words.every((w) => text.includes(w))) continue;
    let score = words.reduce((sum, w) => sum + text.indexOf(w), 0);
    if (text === query) score = -2;
    else if (text.startsWith(query)) score = -1;
    scored.push({ claim, score });
  }
  scored.sort((a, b) => a.score - b.score || a.claim.statement.localeCompare(b.claim.statement));
  return scored.slice(0, limit).map((s) => s.claim);
}

/** The claim whose statement is exactly what was typed (ignoring case and accents), if any. */
export function exactClaim<T extends Candidate>(typed: string, claims: T[]): T | undefined {
  const query = fold(typed.trim());
  return claims.find((c) => fold(c.statement) === query);
}
