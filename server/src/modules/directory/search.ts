import { sql, type Expression, type SqlBool } from "kysely";
import { normalizeForSearch, searchTerms } from "../../../../common/text.js";

/** Make `%`, `_` and `\` in user text literal in a LIKE pattern (with `escape '\'`). */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Every term of `query` must occur in the normalised `column` (AND of substrings). */
export function matchesAllTerms(column: string, query: string | undefined): Expression<SqlBool> | null {
  const terms = query ? searchTerms(query) : [];
  if (terms.length === 0) return null;
  const ref = sql.ref(column);
  const parts = terms.map((t) => sql<SqlBool>`${ref} like ${`%${escapeLike(t)}%`} escape '\\'`);
  return parts.reduce((a, b) => sql<SqlBool>`${a} and ${b}`);
}

/** The text a record is found by, normalised as queries are. */
export function buildSearchText(...parts: Array<string | null | undefined>): string {
  return normalizeForSearch(parts.filter(Boolean).join(" "));
}
