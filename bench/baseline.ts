/**
 * The baseline: a minimal Fastify app answering the benchmarked endpoints with
 * raw better-sqlite3 prepared statements and the same SQL as the app (the
 * visibility condition of a fixed caller, search on `search_text`, items and
 * a total). No auth, no policies, no schemas, no plugins: what is left of the
 * app's cost when only HTTP, SQLite and JSON remain.
 */
import Fastify, { type FastifyInstance } from "fastify";
import type SqliteDatabase from "better-sqlite3";
import { searchTerms } from "../common/text.js";
import { openSqlite } from "../server/src/db/database.js";

export interface BaselineOptions {
  /** The SQLite file. */
  file: string;
  /** The caller's organisation: records are filtered as the app filters them for a member of it. */
  organisationId: string;
  sort: "name_ar" | "name_en";
}

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Records a member of @org may read (`owner`: the record's organisation column) (own, public, members, or shared with a group @org is in). */
const visible = (t: string, owner = `${t}.organisation_id`) => `(${owner} = @org or ${t}.visibility = 'public' or ${t}.visibility = 'members'
  or (${t}.visibility = 'group' and ${t}.share_group_id in (
    select gm.group_id from group_members gm join groups g on g.id = gm.group_id and g.archived_at is null
    where gm.organisation_id = @org)))`;

const PERSON_COLUMNS = `p.id, p.organisation_id as organisationId, p.name_ar as nameAr, p.name_en as nameEn, p.position,
  p.title_ar as titleAr, p.title_en as titleEn, p.email, p.phone, p.preferred_language as preferredLanguage, p.visibility,
  p.share_group_id as shareGroupId, sg.code as shareGroupCode, sg.name_ar as shareGroupNameAr, sg.name_en as shareGroupNameEn,
  p.archived_at as archivedAt, p.created_at as createdAt, p.updated_at as updatedAt,
  o.code as orgCode, o.name_ar as orgNameAr, o.name_en as orgNameEn, o.kind as orgKind`;
const PEOPLE_FROM = "from people p join organisations o on o.id = p.organisation_id left join groups sg on sg.id = p.share_group_id";

const ORG_COLUMNS = `o.id, o.code, o.kind, o.name_ar as nameAr, o.name_en as nameEn, o.country, o.city_ar as cityAr, o.city_en as cityEn,
  o.email, o.phone, o.website, o.address_ar as addressAr, o.address_en as addressEn, o.visibility, o.share_group_id as shareGroupId,
  o.archived_at as archivedAt, o.created_at as createdAt, o.updated_at as updatedAt`;

function likeTerms(column: string, n: number): string {
  return Array.from({ length: n }, (_, i) => ` and ${column} like @t${i} escape '\\'`).join("");
}

function pageOf(query: Record<string, string | undefined>) {
  const page = Math.max(1, Math.min(100000, Number(query.page) || 1));
  const pageSize = Math.max(1, Math.min(100, Number(query.pageSize) || 25));
  return { page, pageSize };
}

/** Prepared list statements (items and total) per number of search terms. */
function listStatements(raw: SqliteDatabase.Database, build: (terms: number) => { items: string; count: string }) {
  const cache = new Map<number, { items: SqliteDatabase.Statement; count: SqliteDatabase.Statement }>();
  return (terms: number) => {
    let s = cache.get(terms);
    if (!s) {
      const sql = build(terms);
      s = { items: raw.prepare(sql.items), count: raw.prepare(sql.count).pluck() };
      cache.set(terms, s);
    }
    return s;
  };
}

export async function buildBaseline({ file, organisationId, sort }: BaselineOptions): Promise<{ app: FastifyInstance; close(): void }> {
  const raw = openSqlite(file);
  const people = listStatements(raw, (n) => {
    const where = `where ${visible("p")}${likeTerms("p.search_text", n)} and p.archived_at is null`;
    return {
      items: `select ${PERSON_COLUMNS} ${PEOPLE_FROM} ${where} order by p.${sort}, p.id limit @limit offset @offset`,
      // Same shape as the app: the count needs no joins (every condition is on people).
      count: `select count(*) from people p ${where}`,
    };
  });
  const organisations = listStatements(raw, (n) => {
    const where = `where ${visible("o", "o.id")}${likeTerms("o.search_text", n)} and o.archived_at is null`;
    return {
      items: `select ${ORG_COLUMNS} from organisations o ${where} order by o.${sort}, o.id limit @limit offset @offset`,
      count: `select count(*) from organisations o ${where}`,
    };
  });
  const person = raw.prepare(`select ${PERSON_COLUMNS} ${PEOPLE_FROM} where p.id = @id and ${visible("p")}`);

  const params = (q: string | undefined) => {
    const terms = q ? searchTerms(q) : [];
    const named: Record<string, string> = { org: organisationId };
    terms.forEach((t, i) => (named[`t${i}`] = `%${escapeLike(t)}%`));
    return { terms: terms.length, named };
  };

  const app = Fastify({ logger: false });
  app.get("/api/people", async (request) => {
    const query = request.query as Record<string, string | undefined>;
    const { page, pageSize } = pageOf(query);
    const { terms, named } = params(query.q);
    const s = people(terms);
    const items = s.items.all({ ...named, limit: pageSize, offset: (page - 1) * pageSize });
    return { items, total: s.count.get(named) as number, page, pageSize };
  });
  app.get("/api/organisations", async (request) => {
    const query = request.query as Record<string, string | undefined>;
    const { page, pageSize } = pageOf(query);
    const { terms, named } = params(query.q);
    const s = organisations(terms);
    const items = s.items.all({ ...named, limit: pageSize, offset: (page - 1) * pageSize });
    return { items, total: s.count.get(named) as number, page, pageSize };
  });
  app.get("/api/people/:id", async (request, reply) => {
    const row = person.get({ id: (request.params as { id: string }).id, org: organisationId });
    if (!row) return reply.status(404).send({ code: "PERSON_NOT_FOUND" });
    return row;
  });
  return { app, close: () => raw.close() };
}
