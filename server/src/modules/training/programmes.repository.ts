import { sql, type Expression, type Insertable, type Kysely, type SqlBool, type Updateable } from "kysely";
import type { DB } from "../../db/schema.js";
import { grantedRelations, type Actor } from "../../policies/index.js";
import type { Executor } from "../admin/audit.repository.js";
import { escapeLike } from "../directory/search.js";
import { touchProgrammeFacts } from "./facts-version.js";

/** Which programmes a list shows: current ones (default), archived ones too, or only those. */
export type ArchivedFilter = "exclude" | "include" | "only";

/**
 * The programmes `actor` may read, as `mayReadProgramme` decides one by one: its owners always,
 * others only once it is published and as its visibility says; coordinators everything.
 */
export function readableProgrammes(actor: Actor | null): Expression<SqlBool> {
  const granted = new Set(grantedRelations(actor, "training.read"));
  if (granted.has("other")) return sql<SqlBool>`1 = 1`;
  const parts: Expression<SqlBool>[] = [];
  if (actor && granted.has("own")) {
    parts.push(sql<SqlBool>`training_programmes.id in (select programme_id from training_programme_owners where organisation_id = ${actor.organisationId})`);
  }
  const shared: Expression<SqlBool>[] = [];
  if (granted.has("public")) shared.push(sql<SqlBool>`training_programmes.visibility = 'public'`);
  if (actor && granted.has("shared")) {
    shared.push(sql<SqlBool>`training_programmes.visibility = 'members'`);
    shared.push(sql<SqlBool>`(training_programmes.visibility = 'group' and training_programmes.share_group_id in (
      select gm.group_id from group_members gm
      join groups g on g.id = gm.group_id and g.archived_at is null
      where gm.organisation_id = ${actor.organisationId}))`);
  }
  if (shared.length) parts.push(sql<SqlBool>`(training_programmes.status = 'published' and (${sql.join(shared, sql` or `)}))`);
  if (parts.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** Enrolments that are the actor's own: by account, by person, or (not linked yet) by email. */
export function actorEnrolmentCondition(actor: Actor): Expression<SqlBool> {
  const byPerson = actor.personId ? sql<SqlBool>` or e.person_id = ${actor.personId}` : sql<SqlBool>``;
  return sql<SqlBool>`(e.user_id = ${actor.userId}${byPerson} or (e.user_id is null and e.person_id in (select id from people where lower(email) = ${actor.email.toLowerCase()})))`;
}

const columns = [
  "trainingProgrammes.id",
  "trainingProgrammes.code",
  "trainingProgrammes.seasonId",
  "trainingProgrammes.organisationId",
  "trainingProgrammes.cooperationProgrammeId",
  "trainingProgrammes.titleAr",
  "trainingProgrammes.titleEn",
  "trainingProgrammes.descriptionAr",
  "trainingProgrammes.descriptionEn",
  "trainingProgrammes.objectivesAr",
  "trainingProgrammes.objectivesEn",
  "trainingProgrammes.audience",
  "trainingProgrammes.status",
  "trainingProgrammes.visibility",
  "trainingProgrammes.shareGroupId",
  "trainingProgrammes.enrolment",
  "trainingProgrammes.minAttendancePct",
  "trainingProgrammes.minPostScorePct",
  "trainingProgrammes.requireSurvey",
  "trainingProgrammes.survey",
  "trainingProgrammes.version",
  "trainingProgrammes.createdAt",
  "trainingProgrammes.updatedAt",
  "trainingProgrammes.archivedAt",
  "seasons.code as seasonCode",
  "seasons.nameAr as seasonNameAr",
  "seasons.nameEn as seasonNameEn",
] as const;

/** Training programmes, their owners and workshops (Kysely only). */
export function programmesRepository(db: Kysely<DB>) {
  function base(tx: Executor = db) {
    return tx
      .selectFrom("trainingProgrammes")
      .innerJoin("seasons", "seasons.id", "trainingProgrammes.seasonId")
      .select(columns)
      .select([
        sql<number>`(select count(*) from training_programme_events pe where pe.programme_id = training_programmes.id)`.as("workshopCount"),
        sql<number>`(select count(*) from training_modules m where m.programme_id = training_programmes.id)`.as("moduleCount"),
        sql<number>`(select count(*) from training_enrolments en where en.programme_id = training_programmes.id and en.status = 'enrolled')`.as("enrolledCount"),
        sql<string | null>`(select min(ev.starts_at) from training_programme_events pe join events ev on ev.id = pe.event_id where pe.programme_id = training_programmes.id)`.as("startsAt"),
        sql<string | null>`(select max(ev.ends_at) from training_programme_events pe join events ev on ev.id = pe.event_id where pe.programme_id = training_programmes.id)`.as("endsAt"),
      ]);
  }

  return {
    async search(
      actor: Actor | null,
      filter: { seasonId?: string | null; q?: string; status?: string; mine?: boolean; archived?: ArchivedFilter },
      page: number,
      pageSize: number,
    ) {
      const parts: Expression<SqlBool>[] = [readableProgrammes(actor)];
      const archived = filter.archived ?? "exclude";
      if (archived !== "include") parts.push(archived === "only" ? sql<SqlBool>`training_programmes.archived_at is not null` : sql<SqlBool>`training_programmes.archived_at is null`);
      if (filter.seasonId !== undefined) parts.push(filter.seasonId ? sql<SqlBool>`training_programmes.season_id = ${filter.seasonId}` : sql<SqlBool>`1 = 0`);
      if (filter.status) parts.push(sql<SqlBool>`training_programmes.status = ${filter.status}`);
      if (filter.mine) {
        parts.push(
          actor
            ? sql<SqlBool>`exists (select 1 from training_enrolments e where e.programme_id = training_programmes.id and e.status = 'enrolled' and ${actorEnrolmentCondition(actor)})`
            : sql<SqlBool>`1 = 0`,
        );
      }
      for (const term of (filter.q ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
        const like = `%${escapeLike(term)}%`;
        parts.push(sql<SqlBool>`(lower(training_programmes.code) like ${like} escape '\\' or lower(training_programmes.title_en) like ${like} escape '\\' or training_programmes.title_ar like ${like} escape '\\')`);
      }
      const where = sql<SqlBool>`${sql.join(parts, sql` and `)}`;
      const [items, count] = await Promise.all([
        base()
          .where(where)
          .orderBy("seasons.hijriYear", "desc")
          .orderBy("trainingProgrammes.code")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        db.selectFrom("trainingProgrammes").where(where).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    findById(id: string, tx: Executor = db) {
      return base(tx).where("trainingProgrammes.id", "=", id).executeTakeFirst();
    },

    /** Owners of the programmes, the lead first. */
    owners(programmeIds: string[]) {
      if (programmeIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("trainingProgrammeOwners")
        .innerJoin("organisations", "organisations.id", "trainingProgrammeOwners.organisationId")
        .select([
          "trainingProgrammeOwners.programmeId",
          "trainingProgrammeOwners.position",
          "organisations.id",
          "organisations.code",
          "organisations.nameAr",
          "organisations.nameEn",
          "organisations.kind",
          "organisations.country",
        ])
        .where("trainingProgrammeOwners.programmeId", "in", programmeIds)
        .orderBy("trainingProgrammeOwners.position")
        .execute();
    },

    /** The actor's enrolments (active or withdrawn) in the programmes. */
    myEnrolments(actor: Actor, programmeIds: string[]) {
      if (programmeIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("trainingEnrolments as e")
        .select(["e.id", "e.programmeId", "e.status", "e.createdAt", "e.userId"])
        .where("e.programmeId", "in", programmeIds)
        .where(actorEnrolmentCondition(actor))
        .orderBy(sql`case when e.status = 'enrolled' then 0 else 1 end`)
        .orderBy("e.updatedAt", "desc")
        .execute();
    },

    /** Linked events, in date order. */
    workshops(programmeId: string) {
      return db
        .selectFrom("trainingProgrammeEvents")
        .innerJoin("events", "events.id", "trainingProgrammeEvents.eventId")
        .select(["events.id", "events.kind", "events.titleAr", "events.titleEn", "events.startsAt", "events.endsAt", "events.timeZone", "events.mode", "events.status"])
        .where("trainingProgrammeEvents.programmeId", "=", programmeId)
        .orderBy("events.startsAt")
        .orderBy("events.id")
        .execute();
    },

    /** Readable, current programmes a workshop delivers. */
    ofEvent(actor: Actor | null, eventId: string) {
      return db
        .selectFrom("trainingProgrammes")
        .innerJoin("seasons", "seasons.id", "trainingProgrammes.seasonId")
        .select(["trainingProgrammes.id", "trainingProgrammes.code", "trainingProgrammes.titleAr", "trainingProgrammes.titleEn", "trainingProgrammes.status", "seasons.id as seasonId", "seasons.code as seasonCode", "seasons.nameAr as seasonNameAr", "seasons.nameEn as seasonNameEn"])
        .where("trainingProgrammes.id", "in", (eb) => eb.selectFrom("trainingProgrammeEvents").select("programmeId").where("eventId", "=", eventId))
        .where(readableProgrammes(actor))
        .where("trainingProgrammes.archivedAt", "is", null)
        .orderBy("trainingProgrammes.code")
        .execute();
    },

    codeTaken(code: string, exceptId?: string) {
      let q = db.selectFrom("trainingProgrammes").select("id").where(sql<SqlBool>`lower(code) = ${code.toLowerCase()}`);
      if (exceptId) q = q.where("id", "!=", exceptId);
      return q.executeTakeFirst();
    },

    create(tx: Executor, row: Insertable<DB["trainingProgrammes"]>) {
      return tx.insertInto("trainingProgrammes").values(row).execute();
    },

    /** Update when the version is still `version` (bumping it); returns whether a row changed. */
    async updateVersioned(tx: Executor, id: string, version: number, values: Updateable<DB["trainingProgrammes"]>): Promise<boolean> {
      const result = await tx.updateTable("trainingProgrammes").set({ ...values, version: version + 1 }).where("id", "=", id).where("version", "=", version).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    update(tx: Executor, id: string, values: Updateable<DB["trainingProgrammes"]>) {
      return tx.updateTable("trainingProgrammes").set(values).where("id", "=", id).execute();
    },

    async replaceOwners(tx: Executor, programmeId: string, organisationIds: string[]) {
      await tx.deleteFrom("trainingProgrammeOwners").where("programmeId", "=", programmeId).execute();
      await tx.insertInto("trainingProgrammeOwners").values(organisationIds.map((organisationId, position) => ({ programmeId, organisationId, position }))).execute();
    },

    linkedEventIds(programmeId: string, tx: Executor = db) {
      return tx.selectFrom("trainingProgrammeEvents").select("eventId").where("programmeId", "=", programmeId).execute();
    },

    async replaceEvents(tx: Executor, programmeId: string, eventIds: string[]) {
      await tx.deleteFrom("trainingProgrammeEvents").where("programmeId", "=", programmeId).execute();
      if (eventIds.length) await tx.insertInto("trainingProgrammeEvents").values(eventIds.map((eventId) => ({ programmeId, eventId }))).execute();
      await touchProgrammeFacts(tx, programmeId);
    },

    season(codeOrId: string) {
      return db.selectFrom("seasons").select(["id", "code"]).where((eb) => eb.or([eb("code", "=", codeOrId), eb("id", "=", codeOrId)])).executeTakeFirst();
    },

    /** Current organisations among `ids`. */
    organisations(ids: string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom("organisations").select("id").where("id", "in", ids).where("archivedAt", "is", null).execute();
    },

    cooperationProgramme(id: string) {
      return db.selectFrom("cooperationProgrammes").select(["id", "titleAr", "titleEn"]).where("id", "=", id).executeTakeFirst();
    },

    group(id: string) {
      return db.selectFrom("groups").select(["id", "code", "nameAr", "nameEn"]).where("id", "=", id).executeTakeFirst();
    },
  };
}

export type ProgrammesRepository = ReturnType<typeof programmesRepository>;
export type ProgrammeRow = NonNullable<Awaited<ReturnType<ProgrammesRepository["findById"]>>>;
