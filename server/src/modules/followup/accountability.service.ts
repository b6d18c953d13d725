import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import { PassThrough, type Readable } from "node:stream";
import { formatDate } from "../../../../common/dates.js";
import type { ExportFormat, RecommendationStatus, UpdateKind } from "../../../../common/followup.js";
import type { Locale } from "../../../../common/roles.js";
import type { Deps } from "../../deps.js";
import { translate } from "../../lib/i18n.js";
import type { Actor } from "../../policies/index.js";
import { loadActorGroups } from "../directory/groups-of.repository.js";
import { accountabilityRepository } from "./accountability.repository.js";
import { overdueDays, todayIso } from "./followup-dates.js";
import type { RecommendationFilter } from "./recommendations.repository.js";
import type { RecommendationsService } from "./recommendations.service.js";

/** The accountability view's filters, as the API takes them. */
export interface AccountabilityQuery {
  season?: string;
  programme?: string;
  event?: string;
  area?: string;
  organisation?: string;
  status?: string;
  from?: string;
  to?: string;
}

/** done / committed, null when nothing is committed. */
function rate(done: number, committed: number): number | null {
  return committed > 0 ? Math.round((done / committed) * 10_000) / 10_000 : null;
}

function average(sum: number, count: number): number | null {
  return count > 0 ? Math.round((sum / count) * 10) / 10 : null;
}

const n = (value: unknown) => Number(value ?? 0);

/** A spreadsheet cell that could run as a formula (=, +, -, @, tab, CR) is kept as text with a leading '. */
export function guardCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const COLUMNS = ["reference", "text", "status", "progress", "area", "programme", "sourceEvent", "responsibles", "dueHijri", "dueGregorian", "daysOverdue", "lastUpdate"] as const;

/**
 * The accountability view for a season, a programme or a meeting: totals and implementation rate,
 * progress by area and by responsible organisation, the overdue list and the latest timeline
 * entries — over the recommendations the caller may read — and its CSV and XLSX exports.
 */
export function createAccountabilityService(deps: Deps, recommendations: RecommendationsService) {
  const { db } = deps;
  const repo = accountabilityRepository(db);

  async function filterOf(actor: Actor, query: AccountabilityQuery): Promise<RecommendationFilter> {
    await loadActorGroups(db, actor);
    return recommendations.resolveFilter(query);
  }

  async function view(actor: Actor, filter: RecommendationFilter, today: string) {
    const totals = await repo.totals(actor, filter, today);
    const [areas, organisations, overdueRows, timeline] = await Promise.all([
      repo.byArea(actor, filter, today),
      repo.byOrganisation(actor, filter, today),
      repo.overdue(actor, filter, today),
      repo.timeline(actor, filter, today, n(totals.total)),
    ]);
    const responsibles = await repo.responsibles(overdueRows.map((r) => r.id));
    const approved = n(totals.approved);
    const inProgress = n(totals.inProgress);
    const done = n(totals.done);
    return {
      totals: {
        total: n(totals.total),
        proposed: n(totals.proposed),
        approved,
        inProgress,
        done,
        dropped: n(totals.dropped),
        overdue: n(totals.overdue),
        implementationRate: rate(done, approved + inProgress + done),
      },
      // By the area's code; recommendations without an area last (the dialects order nulls differently).
      byArea: [...areas].sort((a, b) => (a.code === null ? 1 : b.code === null ? -1 : a.code.localeCompare(b.code))).map((a) => ({
        areaId: a.areaId,
        code: a.code ?? null,
        titleAr: a.titleAr ?? null,
        titleEn: a.titleEn ?? null,
        total: n(a.total),
        done: n(a.done),
        rate: rate(n(a.done), n(a.committed)),
        averageProgress: average(n(a.progressSum), n(a.committed)),
      })),
      byOrganisation: organisations.map((o) => ({
        organisationId: o.organisationId,
        nameAr: o.nameAr,
        nameEn: o.nameEn,
        country: o.country,
        total: n(o.total),
        done: n(o.done),
        rate: rate(n(o.done), n(o.committed)),
        averageProgress: average(n(o.progressSum), n(o.committed)),
        overdue: n(o.overdue),
      })),
      overdue: overdueRows.map((r) => ({
        id: r.id,
        reference: r.reference,
        textAr: r.textAr,
        textEn: r.textEn,
        status: r.status as RecommendationStatus,
        progress: n(r.progress),
        dueOn: r.dueOn!,
        daysOverdue: overdueDays(r.dueOn, true, today),
        responsibles: responsibles.filter((x) => x.recommendationId === r.id).map((x) => ({ id: x.id, nameAr: x.nameAr, nameEn: x.nameEn })),
      })),
      timeline: timeline.map((u) => ({
        id: u.id,
        date: u.createdAt,
        kind: u.kind as UpdateKind,
        recommendationId: u.recommendationId,
        reference: u.reference,
        textAr: u.textAr,
        textEn: u.textEn,
        statusFrom: u.statusFrom as RecommendationStatus | null,
        statusTo: u.statusTo as RecommendationStatus | null,
        progressTo: u.progressTo === null ? null : n(u.progressTo),
        organisation: { id: u.orgId, nameAr: u.orgNameAr, nameEn: u.orgNameEn },
      })),
    };
  }

  /** Export rows as lists of cells in the caller's language. */
  async function* cells(actor: Actor, filter: RecommendationFilter, today: string, locale: Locale): AsyncGenerator<Array<string | number>> {
    const ar = locale === "ar";
    const pick = (a: string | null | undefined, e: string | null | undefined) => (ar ? a || e : e || a) ?? "";
    for await (const batch of repo.exportRows(actor, filter, today)) {
      for (const r of batch) {
        const open = r.status === "approved" || r.status === "in_progress";
        yield [
          r.reference ?? "",
          pick(r.textAr, r.textEn),
          translate(locale, `emails.followup.status.${r.status}`),
          n(r.progress),
          pick(r.areaTitleAr, r.areaTitleEn),
          pick(r.programmeTitleAr, r.programmeTitleEn),
          pick(r.eventTitleAr, r.eventTitleEn),
          r.responsibles.map((o) => (ar ? o.nameAr : o.nameEn)).join(ar ? "، " : ", "),
          r.dueOn ? formatDate(r.dueOn, { locale, digits: "latn", calendar: "hijri" }) : "",
          r.dueOn ?? "",
          overdueDays(r.dueOn, open, today),
          r.lastUpdateAt ? String(r.lastUpdateAt).slice(0, 10) : "",
        ];
      }
    }
  }

  const headers = (locale: Locale) => COLUMNS.map((c) => translate(locale, `fields.followup.columns.${c}`));

  function csv(actor: Actor, filter: RecommendationFilter, today: string, locale: Locale): Readable {
    // A byte-order mark, so Excel reads the file as UTF-8 (Arabic).
    const out = stringify({ bom: true });
    void (async () => {
      out.write(headers(locale).map(guardCell));
      for await (const row of cells(actor, filter, today, locale)) {
        if (!out.write(row.map((c) => (typeof c === "string" ? guardCell(c) : c)))) await new Promise((resolve) => out.once("drain", resolve));
      }
      out.end();
    })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
    return out;
  }

  function xlsx(actor: Actor, filter: RecommendationFilter, today: string, locale: Locale, summary: Awaited<ReturnType<typeof view>>): Readable {
    const out = new PassThrough();
    void (async () => {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      const rightToLeft = locale === "ar";
      const t = (key: string) => translate(locale, `fields.followup.columns.${key}`);
      const sheet1 = workbook.addWorksheet(t("summary_sheet"), { views: [{ rightToLeft }] });
      const totals = summary.totals;
      for (const [key, value] of [
        ["total", totals.total],
        ["proposed", totals.proposed],
        ["approved", totals.approved],
        ["inProgress", totals.inProgress],
        ["done", totals.done],
        ["dropped", totals.dropped],
        ["overdue", totals.overdue],
        ["implementationRate", totals.implementationRate === null ? "" : totals.implementationRate],
      ] as const) {
        sheet1.addRow([t(`totals_${key}`), value]).commit();
      }
      sheet1.addRow([]).commit();
      sheet1.addRow([t("area"), t("totals_total"), t("totals_done"), t("rate"), t("averageProgress")]).commit();
      for (const a of summary.byArea) sheet1.addRow([(rightToLeft ? a.titleAr || a.titleEn : a.titleEn || a.titleAr) ?? "—", a.total, a.done, a.rate ?? "", a.averageProgress ?? ""]).commit();
      sheet1.addRow([]).commit();
      sheet1.addRow([t("responsibles"), t("totals_total"), t("totals_done"), t("rate"), t("averageProgress"), t("totals_overdue")]).commit();
      for (const o of summary.byOrganisation) sheet1.addRow([rightToLeft ? o.nameAr : o.nameEn, o.total, o.done, o.rate ?? "", o.averageProgress ?? "", o.overdue]).commit();
      sheet1.commit();

      const sheet = workbook.addWorksheet(t("recommendations_sheet"), { views: [{ rightToLeft, state: "frozen", ySplit: 1 }] });
      sheet.columns = COLUMNS.map((c) => ({ key: c, width: c === "text" ? 60 : c === "responsibles" || c === "sourceEvent" || c === "programme" ? 30 : 16 }));
      const header = sheet.addRow(headers(locale));
      header.font = { bold: true };
      header.commit();
      for await (const row of cells(actor, filter, today, locale)) sheet.addRow(row).commit();
      sheet.commit();
      await workbook.commit();
    })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
    return out;
  }

  return {
    /** The accountability view over the recommendations the caller may read. */
    async getAccountability(actor: Actor, query: AccountabilityQuery) {
      return view(actor, await filterOf(actor, query), todayIso());
    },

    /**
     * The matching recommendations as a file: CSV (UTF-8 with BOM; cells guarded against formula
     * injection) or XLSX (a summary sheet and the list; right to left for Arabic). Headers, statuses
     * and texts in `locale`; due dates in Hijri and Gregorian.
     */
    async exportAccountability(actor: Actor, query: AccountabilityQuery & { format: ExportFormat }, locale: Locale) {
      const filter = await filterOf(actor, query);
      const today = todayIso();
      const fileName = `accountability-${today}.${query.format}`;
      if (query.format === "csv") return { fileName, contentType: "text/csv; charset=utf-8", stream: csv(actor, filter, today, locale) };
      const summary = await view(actor, filter, today);
      return { fileName, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", stream: xlsx(actor, filter, today, locale, summary) };
    },
  };
}

export type AccountabilityService = ReturnType<typeof createAccountabilityService>;
