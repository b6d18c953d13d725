import { sql, type Expression, type ExpressionBuilder, type Insertable, type Kysely, type SqlBool, type Updateable } from "kysely";
import type { DB } from "../../db/schema.js";
import { scopeCondition, type Actor } from "../../policies/index.js";
import type { Executor } from "../admin/audit.repository.js";
import { escapeLike } from "../directory/search.js";

/** A programme's parties read it as shared with them. */
export function programmeSharedWith(organisationId: string): Expression<SqlBool> {
  return sql<SqlBool>`cooperation_programmes.id in (select programme_id from programme_parties where organisation_id = ${organisationId})`;
}

const SCOPE_COLUMNS = {
  organisation: "cooperation_programmes.organisation_id",
  visibility: "cooperation_programmes.visibility",
  shareGroup: "cooperation_programmes.share_group_id",
  sharedWithActor: programmeSharedWith,
};

/** Programmes the actor may read; archived ones only when `archived` says so. */
function readable(eb: ExpressionBuilder<DB, "cooperationProgrammes">, actor: Actor | null, archived: ArchivedFilter = "exclude"): Expression<SqlBool> {
  const scope = scopeCondition(eb, actor, "programme.read", SCOPE_COLUMNS);
  if (archived === "include") return scope;
  return eb.and([scope, eb("cooperationProgrammes.archivedAt", archived === "only" ? "is not" : "is", null)]);
}

/** Which programmes a list shows: current ones (default), archived ones too, or only those. */
export type ArchivedFilter = "exclude" | "include" | "only";

const columns = [
  "cooperationProgrammes.id",
  "cooperationProgrammes.code",
  "cooperationProgrammes.seasonId",
  "cooperationProgrammes.organisationId",
  "cooperationProgrammes.titleAr",
  "cooperationProgrammes.titleEn",
  "cooperationProgrammes.descriptionAr",
  "cooperationProgrammes.descriptionEn",
  "cooperationProgrammes.startsOn",
  "cooperationProgrammes.endsOn",
  "cooperationProgrammes.visibility",
  "cooperationProgrammes.shareGroupId",
  "cooperationProgrammes.createdBy",
  "cooperationProgrammes.createdAt",
  "cooperationProgrammes.updatedAt",
  "cooperationProgrammes.archivedAt",
  "seasons.code as seasonCode",
  "seasons.nameAr as seasonNameAr",
  "seasons.nameEn as seasonNameEn",
  "owner.code as ownerCode",
  "owner.nameAr as ownerNameAr",
  "owner.nameEn as ownerNameEn",
  "owner.kind as ownerKind",
  "owner.country as ownerCountry",
] as const;

/** Cooperation programmes, their parties, areas and events (Kysely only). */
export function programmesRepository(db: Kysely<DB>) {
  function base(tx: Executor = db) {
    return tx
      .selectFrom("cooperationProgrammes")
      .innerJoin("seasons", "seasons.id", "cooperationProgrammes.seasonId")
      .innerJoin("organisations as owner", "owner.id", "cooperationProgrammes.organisationId")
      .select(columns)
      .select((eb) => [
        eb.selectFrom("cooperationAreas").select(eb.fn.countAll<number>().as("n")).whereRef("cooperationAreas.programmeId", "=", "cooperationProgrammes.id").as("areaCount"),
        eb.selectFrom("programmeEvents").select(eb.fn.countAll<number>().as("n")).whereRef("programmeEvents.programmeId", "=", "cooperationProgrammes.id").as("eventCount"),
        eb.selectFrom("recommendations").select(eb.fn.countAll<number>().as("n")).whereRef("recommendations.programmeId", "=", "cooperationProgrammes.id").as("recommendationCount"),
      ]);
  }

  return {
    async search(actor: Actor | null, filter: { seasonId?: string | null; q?: string; archived?: ArchivedFilter }, page: number, pageSize: number) {
      const where = (eb: ExpressionBuilder<DB, "cooperationProgrammes">) => {
        const parts: Expression<SqlBool>[] = [readable(eb, actor, filter.archived)];
        if (filter.seasonId !== undefined) parts.push(filter.seasonId ? eb("cooperationProgrammes.seasonId", "=", filter.seasonId) : sql<SqlBool>`1 = 0`);
        for (const term of (filter.q ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
          const like = `%${escapeLike(term)}%`;
          parts.push(sql<SqlBool>`(lower(cooperation_programmes.code) like ${like} escape '\\' or lower(cooperation_programmes.title_en) like ${like} escape '\\' or cooperation_programmes.title_ar like ${like} escape '\\')`);
        }
        return eb.and(parts);
      };
      const [items, count] = await Promise.all([
        base().where(where as never).orderBy("cooperationProgrammes.startsOn", "desc").orderBy("cooperationProgrammes.code").limit(pageSize).offset((page - 1) * pageSize).execute(),
        db.selectFrom("cooperationProgrammes").where(where).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    findById(id: string, tx: Executor = db) {
      return base(tx).where("cooperationProgrammes.id", "=", id).executeTakeFirst();
    },

    /** The programme if the actor may read it and it is not archived (recommendations are filed only under current ones). */
    findReadable(actor: Actor | null, id: string) {
      return db.selectFrom("cooperationProgrammes").select(["id", "seasonId"]).where("id", "=", id).where((eb) => readable(eb, actor)).executeTakeFirst();
    },

    /** Readable programmes an event is under. */
    readableOfEvent(actor: Actor | null, eventId: string) {
      return db
        .selectFrom("cooperationProgrammes")
        .select(["id", "code", "titleAr", "titleEn"])
        .where("id", "in", (eb) => eb.selectFrom("programmeEvents").select("programmeId").where("eventId", "=", eventId))
        .where((eb) => readable(eb, actor))
        .orderBy("code")
        .execute();
    },

    isParty(programmeId: string, organisationId: string) {
      return db.selectFrom("programmeParties").select("organisationId").where("programmeId", "=", programmeId).where("organisationId", "=", organisationId).executeTakeFirst();
    },

    parties(programmeIds: string[]) {
      if (programmeIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("programmeParties")
        .innerJoin("organisations", "organisations.id", "programmeParties.organisationId")
        .leftJoin("people", "people.id", "programmeParties.signatoryPersonId")
        .select([
          "programmeParties.programmeId",
          "programmeParties.signatoryPersonId",
          "programmeParties.signatoryName",
          "programmeParties.signedOn",
          "organisations.id",
          "organisations.code",
          "organisations.nameAr",
          "organisations.nameEn",
          "organisations.kind",
          "organisations.country",
          "people.nameAr as personNameAr",
          "people.nameEn as personNameEn",
        ])
        .where("programmeParties.programmeId", "in", programmeIds)
        .orderBy("organisations.nameEn")
        .execute();
    },

    areas(programmeId: string, tx: Executor = db) {
      return tx.selectFrom("cooperationAreas").select(["id", "position", "code", "titleAr", "titleEn"]).where("programmeId", "=", programmeId).orderBy("position").execute();
    },

    eventIds(programmeId: string) {
      return db
        .selectFrom("programmeEvents")
        .innerJoin("events", "events.id", "programmeEvents.eventId")
        .select(["events.id", "events.kind", "events.titleAr", "events.titleEn", "events.startsAt", "events.endsAt"])
        .where("programmeEvents.programmeId", "=", programmeId)
        .orderBy("events.startsAt")
        .execute();
    },

    codeTaken(code: string, exceptId?: string) {
      let q = db.selectFrom("cooperationProgrammes").select("id").where("code", "=", code);
      if (exceptId) q = q.where("id", "!=", exceptId);
      return q.executeTakeFirst();
    },

    create(tx: Executor, row: Insertable<DB["cooperationProgrammes"]>) {
      return tx.insertInto("cooperationProgrammes").values(row).execute();
    },

    update(tx: Executor, id: string, values: Updateable<DB["cooperationProgrammes"]>) {
      return tx.updateTable("cooperationProgrammes").set(values).where("id", "=", id).execute();
    },

    async replaceParties(tx: Executor, programmeId: string, rows: Insertable<DB["programmeParties"]>[]) {
      await tx.deleteFrom("programmeParties").where("programmeId", "=", programmeId).execute();
      if (rows.length) await tx.insertInto("programmeParties").values(rows).execute();
    },

    /** Save the full list of areas: ids kept, new ones inserted, those left out removed. */
    async saveAreas(tx: Executor, programmeId: string, areas: Array<{ id?: string; code: string; titleAr: string; titleEn: string }>, newId: () => string) {
      const keep = new Set(areas.map((a) => a.id).filter(Boolean));
      const existing = await tx.selectFrom("cooperationAreas").select("id").where("programmeId", "=", programmeId).execute();
      const removed = existing.filter((a) => !keep.has(a.id)).map((a) => a.id);
      if (removed.length) {
        // Recommendations filed under a removed area stay in the programme, without an area.
        await tx.updateTable("recommendations").set({ areaId: null }).where("areaId", "in", removed).execute();
        await tx.deleteFrom("cooperationAreas").where("id", "in", removed).execute();
      }
      for (const [position, a] of areas.entries()) {
        const values = { position, code: a.code.trim(), titleAr: a.titleAr.trim(), titleEn: a.titleEn.trim() };
        if (a.id) await tx.updateTable("cooperationAreas").set(values).where("id", "=", a.id).execute();
        else await tx.insertInto("cooperationAreas").values({ id: newId(), programmeId, ...values }).execute();
      }
      return removed;
    },

    async replaceEvents(tx: Executor, programmeId: string, eventIds: string[]) {
      await tx.deleteFrom("programmeEvents").where("programmeId", "=", programmeId).execute();
      if (eventIds.length) await tx.insertInto("programmeEvents").values(eventIds.map((eventId) => ({ programmeId, eventId }))).execute();
    },

    season(codeOrId: string) {
      return db.selectFrom("seasons").select(["id", "code"]).where((eb) => eb.or([eb("code", "=", codeOrId), eb("id", "=", codeOrId)])).executeTakeFirst();
    },

    organisations(ids: string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom("organisations").select("id").where("id", "in", ids).where("archivedAt", "is", null).execute();
    },

    people(ids: string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom("people").select(["id", "organisationId"]).where("id", "in", ids).execute();
    },
  };
}

export type ProgrammesRepository = ReturnType<typeof programmesRepository>;
export type ProgrammeRow = NonNullable<Awaited<ReturnType<ProgrammesRepository["findById"]>>>;
