import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import type { Kysely } from "kysely";
import { PassThrough, type Readable } from "node:stream";
import { formatNumber, type DateDigits } from "../../../../common/dates.js";
import type { Locale } from "../../../../common/roles.js";
import { normalizeForSearch, searchTerms } from "../../../../common/text.js";
import { SCALE_MAX, SCALE_MIN, type AssessmentKind, type CompletionRequirement, type SurveyItem } from "../../../../common/training.js";
import type { DB } from "../../db/schema.js";
import type { Deps } from "../../deps.js";
import { AppError } from "../../lib/errors.js";
import { translate } from "../../lib/i18n.js";
import type { Actor } from "../../policies/index.js";
import { resultsScope } from "../../policies/training.js";
import { guardCell } from "../followup/accountability.service.js";
import { todayIso } from "../followup/followup-dates.js";
import { completionRepository, type EnrolmentScope } from "./completion.repository.js";
import { computeProgrammeFacts, type ProgrammeFacts, type TraineeFacts } from "./completion.service.js";
import { createFactsCache, memo, type CachedFacts } from "./results-cache.js";
import { resultsRepository } from "./results.repository.js";
import type { ResultsExportQuery, ResultSort, ResultsQuery } from "./results.schema.js";
import { loadProgramme, programmeForRead, requireEnrolmentOfActor, withGroups, type LoadedProgramme } from "./training-access.js";

/** Mean of `sum` over `count`, one decimal; null when nothing counts. */
function average(sum: number, count: number): number | null {
  return count > 0 ? Math.round((sum / count) * 10) / 10 : null;
}

function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

/** Counts and averages of a group of trainees; the gain is averaged over trainees who took both tests only. */
export function aggregate(list: readonly Pick<TraineeFacts, "prePct" | "postPct" | "missing">[]) {
  let withPre = 0, preSum = 0, withPost = 0, postSum = 0, paired = 0, gainSum = 0, completed = 0;
  for (const t of list) {
    if (t.prePct !== null) (withPre++, (preSum += t.prePct));
    if (t.postPct !== null) (withPost++, (postSum += t.postPct));
    if (t.prePct !== null && t.postPct !== null) (paired++, (gainSum += t.postPct - t.prePct));
    if (t.missing.length === 0) completed++;
  }
  return {
    trainees: list.length,
    withPre,
    withPost,
    paired,
    avgPre: average(preSum, withPre),
    avgPost: average(postSum, withPost),
    avgGain: average(gainSum, paired),
    completed,
    completionRate: rate(completed, list.length),
  };
}

/** The satisfaction survey's scale items averaged over the responses (free-text items are not averaged). */
export function summariseSurvey(items: readonly SurveyItem[], answers: readonly string[]) {
  const scales = items.filter((i) => i.kind === "scale");
  const sums = new Map(scales.map((i) => [i.id, { sum: 0, count: 0 }]));
  for (const raw of answers) {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      continue;
    }
    for (const [id, value] of Object.entries(parsed ?? {})) {
      const s = sums.get(id);
      if (s && typeof value === "number" && Number.isInteger(value) && value >= SCALE_MIN && value <= SCALE_MAX) {
        s.sum += value;
        s.count++;
      }
    }
  }
  return {
    responses: answers.length,
    items: scales.map((i) => ({ id: i.id, textAr: i.textAr, textEn: i.textEn, answers: sums.get(i.id)!.count, average: average(sums.get(i.id)!.sum, sums.get(i.id)!.count) })),
  };
}

/**
 * Awareness gain of some programmes, for the follow-up module's impact of a recommendation:
 * over the active enrolments of `programmeIds` (a person enrolled in two programmes counts twice),
 * the average pre- and post-test percentages and the average gain over those who took both.
 * One aggregate query; the percentages are common/training.ts `percent`, exactly.
 */
export async function awarenessGainForProgrammes(
  db: Kysely<DB>,
  programmeIds: readonly string[],
): Promise<{ trainees: number; withPre: number; withPost: number; paired: number; avgPre: number | null; avgPost: number | null; avgGain: number | null }> {
  const s = await resultsRepository(db).gainSums([...new Set(programmeIds)]);
  return {
    trainees: s.trainees,
    withPre: s.withPre,
    withPost: s.withPost,
    paired: s.paired,
    avgPre: average(s.preSum, s.withPre),
    avgPost: average(s.postSum, s.withPost),
    avgGain: average(s.gainSum, s.paired),
  };
}

const asLocale = (l: string | undefined): Locale => (l === "en" ? "en" : "ar");

/**
 * Results of a programme's trainees (who is missing what, scores, awareness gain by organisation and
 * by country, the satisfaction survey) for those who may see them, their exports, and a trainee's own
 * progress.
 */
export function createResultsService(deps: Deps) {
  const { db } = deps;
  const repo = resultsRepository(db);
  const cache = createFactsCache(db);

  /**
   * The programme and which of its trainees the actor sees.
   * @throws TRAINING_PROGRAMME_NOT_FOUND, FORBIDDEN
   */
  async function scopeOf(actor: Actor, programmeId: string): Promise<{ programme: LoadedProgramme; scope: "all" | "own"; enrolments: EnrolmentScope }> {
    const programme = await programmeForRead(db, actor, programmeId);
    const scope = resultsScope(await withGroups(db, actor), programme);
    if (scope === "none") throw new AppError("FORBIDDEN");
    return { programme, scope, enrolments: scope === "own" ? { organisationId: actor.organisationId } : {} };
  }

  /**
   * The facts of the trainees the actor sees (all, or his organisation's), from the cache
   * (results-cache.ts), with the survey answers of the same trainees; the part is cut once per
   * cached facts.
   */
  async function factsFor(programme: LoadedProgramme, enrolments: EnrolmentScope): Promise<{ cached: CachedFacts; part: string; facts: ProgrammeFacts; surveyAnswers: string[] }> {
    const cached = await cache.get(programme);
    const org = enrolments.organisationId;
    const part = org ? `org:${org}` : "all";
    return memo(cached, `part:${part}`, () => ({
      cached,
      part,
      facts: org ? { ...cached.facts, trainees: cached.facts.trainees.filter((t) => t.organisationId === org) } : cached.facts,
      surveyAnswers: (org ? cached.survey.filter((s) => s.organisationId === org) : cached.survey).map((s) => s.answers),
    }));
  }

  async function namesOf(trainees: readonly TraineeFacts[]) {
    const orgs = await repo.organisations([...new Set(trainees.map((t) => t.organisationId))]);
    const countries = await repo.countries([...new Set(orgs.map((o) => o.country).filter((c): c is string => !!c))]);
    return { orgs: new Map(orgs.map((o) => [o.id, o])), countries: new Map(countries.map((c) => [c.code, c])) };
  }

  /**
   * The trainees of `list` the filters keep, in its order. The search matches the trainee's search text
   * as the directory does (every word a substring, Arabic spelling variants folded), in memory.
   */
  function filtered(list: readonly TraineeFacts[], scope: EnrolmentScope, query: Omit<ResultsQuery, "page" | "pageSize">): TraineeFacts[] {
    const terms = query.q ? searchTerms(query.q) : [];
    return list.filter((t) =>
      (!scope.organisationId || t.organisationId === scope.organisationId) &&
      (!query.organisation || t.organisationId === query.organisation) &&
      (!query.country || t.country === query.country.toUpperCase()) &&
      (!query.missing || (query.missing === "none" ? t.missing.length === 0 : t.missing.includes(query.missing))) &&
      (terms.length === 0 || terms.every((term) => t.searchText.includes(term))),
    );
  }

  /**
   * A comparison of trainees for `sort`. Names compare by their search form (case, diacritics and
   * Arabic letter variants folded), computed once per trainee: a list of 100k sorts quickly.
   */
  function sorter(locale: Locale, sort: ResultSort, order: "asc" | "desc", orgs: Map<string, { nameAr: string; nameEn: string }>, list: readonly TraineeFacts[], keys: Map<string, string>) {
    const collator = new Intl.Collator(locale === "ar" ? "ar" : "en", { sensitivity: "base" });
    const orgName = (id: string) => {
      const o = orgs.get(id);
      return o ? (locale === "ar" ? o.nameAr : o.nameEn) : "";
    };
    const orgRank = new Map([...new Set(list.map((t) => t.organisationId))].sort((x, y) => collator.compare(orgName(x), orgName(y))).map((id, i) => [id, i]));
    const sign = order === "desc" ? -1 : 1;
    const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    const byName = (a: TraineeFacts, b: TraineeFacts) => cmp(keys.get(a.enrolmentId)!, keys.get(b.enrolmentId)!) || cmp(a.enrolmentId, b.enrolmentId);
    const numeric = (pick: (t: TraineeFacts) => number | null) => (a: TraineeFacts, b: TraineeFacts) => {
      const x = pick(a), y = pick(b);
      // Not taken yet: last, whichever the order.
      if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
      return (x - y) * sign || byName(a, b);
    };
    switch (sort) {
      case "name":
        return (a: TraineeFacts, b: TraineeFacts) => byName(a, b) * sign;
      case "organisation":
        return (a: TraineeFacts, b: TraineeFacts) => (orgRank.get(a.organisationId)! - orgRank.get(b.organisationId)!) * sign || byName(a, b);
      case "attendance":
        return numeric((t) => t.attendancePct);
      case "pre":
        return numeric((t) => t.prePct);
      case "post":
        return numeric((t) => t.postPct);
      case "gain":
        return numeric((t) => t.gain);
    }
  }

  /**
   * Every trainee of the cached facts in the order of `sort`, computed once per order and kept with
   * the facts (a filter keeps the order, so pages of any filter are slices of it).
   */
  async function sortedTrainees(cached: CachedFacts, locale: Locale, sort: ResultSort, order: "asc" | "desc"): Promise<TraineeFacts[]> {
    return memo(cached, `sorted:${locale}:${sort}:${order}`, async () => {
      const all = cached.facts.trainees;
      const nameOf = (t: TraineeFacts) => (locale === "ar" ? t.nameAr || t.nameEn : t.nameEn || t.nameAr);
      const keys = memo(cached, `names:${locale}`, () => new Map(all.map((t) => [t.enrolmentId, normalizeForSearch(nameOf(t))])));
      const orgs = sort === "organisation" ? (await namesOf(all)).orgs : new Map<string, { nameAr: string; nameEn: string }>();
      return [...all].sort(sorter(locale, sort, order, orgs, all, keys));
    });
  }

  /** Groups trainees by a key, in first-seen order. */
  function groupBy<K>(list: readonly TraineeFacts[], key: (t: TraineeFacts) => K): Map<K, TraineeFacts[]> {
    const groups = new Map<K, TraineeFacts[]>();
    for (const t of list) {
      const k = key(t);
      let g = groups.get(k);
      if (!g) groups.set(k, (g = []));
      g.push(t);
    }
    return groups;
  }

  async function summaryOf(programme: LoadedProgramme, scope: "all" | "own", facts: ProgrammeFacts, surveyAnswers: readonly string[], locale: Locale) {
    const { orgs, countries } = await namesOf(facts.trainees);
    const collator = new Intl.Collator(locale === "ar" ? "ar" : "en", { sensitivity: "base" });
    const orgRef = (id: string) => {
      const o = orgs.get(id);
      return { id, code: o?.code ?? "", nameAr: o?.nameAr ?? "", nameEn: o?.nameEn ?? "" };
    };
    const countryRef = (code: string | null) => {
      const c = code ? countries.get(code) : undefined;
      return code ? { code, nameAr: c?.nameAr ?? code, nameEn: c?.nameEn ?? code } : null;
    };
    const pick = (x: { nameAr: string; nameEn: string }) => (locale === "ar" ? x.nameAr : x.nameEn);
    const byOrganisation = [...groupBy(facts.trainees, (t) => t.organisationId)]
      .map(([id, list]) => ({ organisation: orgRef(id), country: orgs.get(id)?.country ?? null, ...aggregate(list) }))
      .sort((a, b) => collator.compare(pick(a.organisation), pick(b.organisation)));
    const byCountry = [...groupBy(facts.trainees, (t) => t.country)]
      .map(([code, list]) => ({ country: countryRef(code), ...aggregate(list) }))
      .sort((a, b) => (a.country === null ? 1 : b.country === null ? -1 : collator.compare(pick(a.country), pick(b.country))));
    const survey = summariseSurvey(programme.survey, surveyAnswers);
    return {
      scope,
      rule: facts.rule,
      workshopsHeld: facts.held.length,
      hasPostTest: facts.hasPostTest,
      totals: { ...aggregate(facts.trainees), survey },
      byOrganisation,
      byCountry,
      orgRef,
      countryRef,
    };
  }

  const requirementText = (locale: Locale, r: CompletionRequirement) => translate(locale, `training.results.requirement.${r}`);
  const statusText = (locale: Locale, s: string | null) => translate(locale, `training.results.certificate_status.${s ?? "none"}`);

  /** The certificate to show per enrolment: the valid one, else the latest revoked one. */
  function certificateByEnrolment(rows: Array<{ id: string; code: string; status: string; enrolmentId: string; issuedAt: string; revokedAt: string | null }>) {
    const map = new Map<string, { id: string; code: string; status: "valid" | "revoked"; issuedAt: string; revokedAt: string | null }>();
    for (const c of rows) {
      const seen = map.get(c.enrolmentId);
      if (!seen || (seen.status !== "valid" && c.status === "valid")) map.set(c.enrolmentId, { id: c.id, code: c.code, status: c.status as "valid" | "revoked", issuedAt: c.issuedAt, revokedAt: c.revokedAt });
    }
    return map;
  }

  const EXPORT_COLUMNS = ["name_ar", "name_en", "email", "organisation", "country", "attendance", "pre", "post", "gain", "survey", "missing", "complete", "certificate_code", "certificate_status"] as const;
  const AGGREGATE_COLUMNS = ["trainees", "with_pre", "with_post", "paired", "avg_pre", "avg_post", "avg_gain", "completed", "completion_rate"] as const;
  type Aggregate = ReturnType<typeof aggregate>;
  const aggregateCells = (a: Aggregate) => [a.trainees, a.withPre, a.withPost, a.paired, a.avgPre ?? "", a.avgPost ?? "", a.avgGain ?? "", a.completed, a.completionRate ?? ""];

  return {
    /**
     * A programme's results: totals, by organisation and by country (over every trainee the caller
     * sees), and a page of trainees (filtered and sorted). Managers and coordinators see all trainees,
     * an organisation admin his organisation's.
     * @throws TRAINING_PROGRAMME_NOT_FOUND, FORBIDDEN
     */
    async listResults(actor: Actor, programmeId: string, query: ResultsQuery) {
      const { programme, scope, enrolments } = await scopeOf(actor, programmeId);
      const locale = asLocale(actor.locale);
      const { cached, part, facts, surveyAnswers } = await factsFor(programme, enrolments);
      const { orgRef, countryRef, ...summary } = await memo(cached, `summary:${part}:${locale}`, () => summaryOf(programme, scope, facts, surveyAnswers, locale));
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 25;
      const list = filtered(await sortedTrainees(cached, locale, query.sort ?? "name", query.order ?? "asc"), enrolments, query);
      const slice = list.slice((page - 1) * pageSize, page * pageSize);
      const certificates = certificateByEnrolment(await repo.certificatesOf(slice.map((t) => t.enrolmentId)));
      return {
        ...summary,
        trainees: {
          items: slice.map((t) => ({
            enrolmentId: t.enrolmentId,
            personId: t.personId,
            nameAr: t.nameAr,
            nameEn: t.nameEn,
            organisation: orgRef(t.organisationId),
            country: countryRef(t.country),
            attendancePct: t.attendancePct,
            prePct: t.prePct,
            postPct: t.postPct,
            gain: t.gain,
            surveyDone: t.surveyDone,
            missing: t.missing,
            complete: t.missing.length === 0,
            certificate: certificates.get(t.enrolmentId) ?? null,
          })),
          total: list.length,
          page,
          pageSize,
        },
      };
    },

    /**
     * The filtered trainees as CSV (UTF-8 with BOM, cells guarded against formula injection) or XLSX
     * (trainees, by organisation, by country, programme totals; right to left in Arabic).
     * @throws TRAINING_PROGRAMME_NOT_FOUND, FORBIDDEN
     */
    async exportResults(actor: Actor, programmeId: string, query: ResultsExportQuery, requestLocale: string | undefined) {
      const { programme, scope, enrolments } = await scopeOf(actor, programmeId);
      const locale = asLocale(requestLocale ?? actor.locale);
      const { cached, part, facts, surveyAnswers } = await factsFor(programme, enrolments);
      const { orgRef, countryRef, ...summary } = await memo(cached, `summary:${part}:${locale}`, () => summaryOf(programme, scope, facts, surveyAnswers, locale));
      const list = filtered(await sortedTrainees(cached, locale, "name", "asc"), enrolments, query);
      const certificates = new Map<string, { code: string; status: string }>();
      for (const chunk of Array.from({ length: Math.ceil(list.length / 500) }, (_, i) => list.slice(i * 500, (i + 1) * 500))) {
        for (const [k, v] of certificateByEnrolment(await repo.certificatesOf(chunk.map((t) => t.enrolmentId)))) certificates.set(k, v);
      }
      const ar = locale === "ar";
      const t = (key: string, values?: Record<string, unknown>) => translate(locale, `training.results.export.${key}`, values);
      const pick = (x: { nameAr: string; nameEn: string }) => (ar ? x.nameAr || x.nameEn : x.nameEn || x.nameAr);
      const rowOf = (f: TraineeFacts): Array<string | number> => {
        const cert = certificates.get(f.enrolmentId);
        const country = countryRef(f.country);
        return [
          f.nameAr,
          f.nameEn,
          f.email ?? "",
          pick(orgRef(f.organisationId)),
          country ? pick(country) : "",
          f.attendancePct,
          f.prePct ?? "",
          f.postPct ?? "",
          f.gain ?? "",
          translate(locale, `training.results.${f.surveyDone ? "yes" : "no"}`),
          f.missing.map((r) => requirementText(locale, r)).join(ar ? "، " : ", "),
          translate(locale, `training.results.${f.missing.length === 0 ? "yes" : "no"}`),
          cert?.code ?? "",
          statusText(locale, cert?.status ?? null),
        ];
      };
      const fileName = `results-${programme.code}-${todayIso()}.${query.format}`;

      if (query.format === "csv") {
        // A byte-order mark, so Excel reads the file as UTF-8 (Arabic).
        const out = stringify({ bom: true });
        void (async () => {
          out.write(EXPORT_COLUMNS.map((c) => guardCell(t(c))));
          for (const f of list) {
            if (!out.write(rowOf(f).map((c) => (typeof c === "string" ? guardCell(c) : c)))) await new Promise((resolve) => out.once("drain", resolve));
          }
          out.end();
        })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
        return { fileName, contentType: "text/csv; charset=utf-8", stream: out as Readable };
      }

      const out = new PassThrough();
      void (async () => {
        const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
        const views = [{ rightToLeft: ar, state: "frozen" as const, ySplit: 1 }];
        const sheet = workbook.addWorksheet(t("trainees_sheet"), { views });
        sheet.columns = EXPORT_COLUMNS.map((c) => ({ key: c, width: c.startsWith("name") || c === "organisation" || c === "email" ? 30 : c === "missing" ? 28 : 14 }));
        const header = sheet.addRow(EXPORT_COLUMNS.map((c) => t(c)));
        header.font = { bold: true };
        header.commit();
        for (const f of list) sheet.addRow(rowOf(f)).commit();
        sheet.commit();

        const orgSheet = workbook.addWorksheet(t("organisations_sheet"), { views });
        const orgHeader = orgSheet.addRow([t("organisation"), t("country"), ...AGGREGATE_COLUMNS.map((c) => t(c))]);
        orgHeader.font = { bold: true };
        orgHeader.commit();
        for (const o of summary.byOrganisation) {
          const country = countryRef(o.country);
          orgSheet.addRow([pick(o.organisation), country ? pick(country) : "", ...aggregateCells(o)]).commit();
        }
        orgSheet.commit();

        const countrySheet = workbook.addWorksheet(t("countries_sheet"), { views });
        const countryHeader = countrySheet.addRow([t("country"), ...AGGREGATE_COLUMNS.map((c) => t(c))]);
        countryHeader.font = { bold: true };
        countryHeader.commit();
        for (const c of summary.byCountry) countrySheet.addRow([c.country ? pick(c.country) : "—", ...aggregateCells(c)]).commit();
        countrySheet.commit();

        const totals = workbook.addWorksheet(t("totals_sheet"), { views: [{ rightToLeft: ar }] });
        AGGREGATE_COLUMNS.forEach((c, i) => totals.addRow([t(c), aggregateCells(summary.totals)[i]]).commit());
        totals.addRow([t("survey_responses"), summary.totals.survey.responses]).commit();
        for (const item of summary.totals.survey.items) totals.addRow([t("survey_item", { item: ar ? item.textAr : item.textEn }), item.average ?? ""]).commit();
        totals.commit();
        await workbook.commit();
      })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
      return { fileName, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", stream: out as Readable };
    },

    /**
     * The caller's own progress in a programme he is enrolled in: attendance per workshop, his tests,
     * the survey, what is still missing (also in words, in his language and digits), his certificate.
     * @throws TRAINING_PROGRAMME_NOT_FOUND, TRAINING_NOT_ENROLLED
     */
    async getMyProgress(actor: Actor, programmeId: string) {
      const programme = await loadProgramme(db, programmeId);
      if (!programme) throw new AppError("TRAINING_PROGRAMME_NOT_FOUND");
      const enrolment = await requireEnrolmentOfActor(db, programmeId, actor);
      const completion = completionRepository(db);
      const [facts, attempts, assessments, certificates] = await Promise.all([
        computeProgrammeFacts(db, programme, { enrolmentIds: [enrolment.id] }),
        completion.attemptsOf(enrolment.id),
        completion.assessments(programmeId),
        repo.certificatesOf([enrolment.id]),
      ]);
      const me = facts.trainees[0];
      if (!me) throw new AppError("TRAINING_NOT_ENROLLED");
      const locale = asLocale(actor.locale);
      const digits: DateDigits = locale === "ar" && actor.digits !== "latn" ? "arab" : "latn";
      const num = (n: number) => formatNumber(n, digits);
      const heldIds = new Set(facts.held.map((w) => w.id));

      const test = (kind: AssessmentKind) => {
        const assessment = assessments.find((a) => a.kind === kind);
        const attempt = attempts.find((a) => a.kind === kind);
        const submitted = attempt?.submittedAt != null;
        return {
          kind,
          available: assessment !== undefined && Number(assessment.published) === 1,
          opensAt: assessment?.opensAt ?? null,
          closesAt: assessment?.closesAt ?? null,
          status: !attempt ? ("not_started" as const) : submitted ? ("submitted" as const) : ("in_progress" as const),
          attemptId: attempt?.id ?? null,
          deadlineAt: attempt?.deadlineAt ?? null,
          scorePct: kind === "pre" ? me.prePct : me.postPct,
        };
      };

      const missingText = me.missing.map((r) => {
        if (r === "attendance") {
          return facts.held.length === 0
            ? translate(locale, "training.results.missing_text.attendance_none_held")
            : translate(locale, "training.results.missing_text.attendance", { min: num(facts.rule.minAttendancePct), value: num(me.attendancePct) });
        }
        if (r === "post_test") {
          return me.postPct === null
            ? translate(locale, "training.results.missing_text.post_test_not_taken", { min: num(facts.rule.minPostScorePct) })
            : translate(locale, "training.results.missing_text.post_test", { min: num(facts.rule.minPostScorePct), value: num(me.postPct) });
        }
        return translate(locale, "training.results.missing_text.survey");
      });
      const cert = certificateByEnrolment(certificates).get(enrolment.id) ?? null;

      return {
        programmeId,
        enrolmentId: enrolment.id,
        rule: facts.rule,
        workshops: facts.workshops.map((w) => ({
          id: w.id,
          titleAr: w.titleAr,
          titleEn: w.titleEn,
          startsAt: w.startsAt,
          endsAt: w.endsAt,
          timeZone: w.timeZone,
          status: w.status,
          held: heldIds.has(w.id),
          attendedPct: heldIds.has(w.id) ? Math.floor((me.shares.get(w.id) ?? 0) * 100 + 0.5) : null,
        })),
        workshopsHeld: facts.held.length,
        attendancePct: me.attendancePct,
        hasPostTest: facts.hasPostTest,
        pre: test("pre"),
        post: test("post"),
        gain: me.gain,
        surveyDone: me.surveyDone,
        missing: me.missing,
        missingText,
        complete: me.missing.length === 0,
        certificate: cert ? { ...cert, pdfUrl: `/api/training/certificates/${cert.id}/pdf` } : null,
      };
    },
  };
}

export type ResultsService = ReturnType<typeof createResultsService>;
