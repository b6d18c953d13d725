import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PassThrough, type Readable } from "node:stream";
import yazl from "yazl";
import type { Insertable } from "kysely";
import { civilToIso, DEFAULT_TIME_ZONE, instantToCivil } from "../../../../common/dates.js";
import { CERTIFICATE_CODE_ALPHABET, canonicalCertificateCode, type CompletionRequirement } from "../../../../common/training.js";
import type { DB } from "../../db/schema.js";
import type { Deps } from "../../deps.js";
import { AppError } from "../../lib/errors.js";
import { translate } from "../../lib/i18n.js";
import type { PdfRenderer } from "../../lib/pdf.js";
import { newId, nowIso } from "../../lib/tokens.js";
import type { Actor } from "../../policies/index.js";
import { mayManageProgramme, maySeeResults, resultsScope } from "../../policies/training.js";
import { insertAudit } from "../admin/audit.repository.js";
import { insertOutbox } from "../admin/outbox.repository.js";
import type { EventsService } from "../events/events.service.js";
import { asDigits, asLocale } from "../followup/followup-mail.js";
import { bothCalendars, todayIso } from "../followup/followup-dates.js";
import { certificateHtml } from "./certificate-template.js";
import { certificatesRepository, type CertificateRow, type ProgrammeScope } from "./certificates.repository.js";
import type { Certificate, CertificateListQuery, Verification } from "./certificates.schema.js";
import { computeProgrammeFacts, type ProgrammeFacts, type TraineeFacts } from "./completion.service.js";
import { loadProgramme, programmeForManage, programmeForRead, requireEnrolmentOfActor, withGroups, type LoadedProgramme } from "./training-access.js";

/**
 * A new certificate code: RFD- and three groups of four characters of CERTIFICATE_CODE_ALPHABET,
 * from the system's cryptographic randomness (32 symbols: 5 bits of a byte each, no bias).
 */
export function newCertificateCode(): string {
  const bytes = randomBytes(12);
  let body = "";
  for (const b of bytes) body += CERTIFICATE_CODE_ALPHABET[b & 31];
  return `RFD-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}`;
}

/** A file name part from a Latin-script name: letters, digits and dashes only. */
export function fileNamePart(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

const dayOf = (instant: string, timeZone: string) => civilToIso(instantToCivil(instant, timeZone, "gregorian"));

/**
 * What a certificate records about a complete trainee: the first and last workshop he attended,
 * and the day he completed — the latest of the facts the rule needed (last workshop attended, or
 * today while it is still in progress; post-test submitted; survey answered).
 */
export function completionDates(facts: Pick<ProgrammeFacts, "held" | "hasPostTest" | "rule">, t: TraineeFacts): { startsOn: string | null; endsOn: string | null; completedOn: string } {
  const attended = facts.held.filter((w) => (t.shares.get(w.id) ?? 0) > 0);
  const first = attended[0];
  const last = attended[attended.length - 1];
  const days: string[] = [];
  // A workshop counts from its start: one still in progress completes the rule today, not on its end day.
  if (last) days.push(dayOf(last.endsAt < nowIso() ? last.endsAt : nowIso(), last.timeZone));
  if (facts.hasPostTest && t.postSubmittedAt) days.push(dayOf(t.postSubmittedAt, DEFAULT_TIME_ZONE));
  if (facts.rule.requireSurvey && t.surveySubmittedAt) days.push(dayOf(t.surveySubmittedAt, DEFAULT_TIME_ZONE));
  return {
    startsOn: first ? dayOf(first.startsAt, first.timeZone) : null,
    endsOn: last ? dayOf(last.startsAt, last.timeZone) : null,
    completedOn: days.length ? days.sort()[days.length - 1]! : todayIso(),
  };
}

/**
 * Certificates of completion: issued to complete trainees (by themselves, or all at once by the
 * programme's managers), listed, revoked with a reason (the trainee is told by email), downloaded as
 * PDF (rendered once, then kept), zipped per workshop, and verified publicly by their code.
 */
export function createCertificatesService(deps: Deps, events: EventsService, pdf: PdfRenderer) {
  const { db, config } = deps;
  const repo = certificatesRepository(db);
  const cacheFolder = path.join(config.dataDir, "certificates");

  const verifyUrl = (code: string) => `${config.publicUrl}/verify/${code}`;
  const pdfUrl = (id: string) => `/api/training/certificates/${id}/pdf`;

  function present(c: CertificateRow): Certificate {
    return {
      id: c.id,
      code: c.code,
      status: c.status as "valid" | "revoked",
      enrolmentId: c.enrolmentId,
      nameAr: c.nameAr,
      nameEn: c.nameEn,
      programmeTitleAr: c.programmeTitleAr,
      programmeTitleEn: c.programmeTitleEn,
      issuers: JSON.parse(c.issuers) as Array<{ nameAr: string; nameEn: string }>,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      completedOn: c.completedOn,
      attendancePct: c.attendancePct,
      postScorePct: c.postScorePct,
      issuedAt: c.issuedAt,
      revokedAt: c.revokedAt,
      pdfUrl: pdfUrl(c.id),
      verifyUrl: verifyUrl(c.code),
    };
  }

  /** The certificate rows of complete trainees (codes are drawn here; `insert` retries a taken one). */
  function snapshot(programme: LoadedProgramme, facts: ProgrammeFacts, trainees: TraineeFacts[], issuers: Array<{ nameAr: string; nameEn: string }>, actor: Actor, at: string): Array<Insertable<DB["trainingCertificates"]>> {
    return trainees.map((t) => ({
      id: newId(),
      code: newCertificateCode(),
      programmeId: programme.id,
      enrolmentId: t.enrolmentId,
      personId: t.personId,
      organisationId: t.organisationId,
      nameAr: t.nameAr,
      nameEn: t.nameEn,
      programmeTitleAr: programme.titleAr,
      programmeTitleEn: programme.titleEn,
      issuers: JSON.stringify(issuers),
      ...completionDates(facts, t),
      attendancePct: t.attendancePct,
      postScorePct: t.postPct,
      status: "valid",
      revokedAt: null,
      revokedBy: null,
      revokeReason: null,
      issuedBy: actor.userId,
      issuedAt: at,
    }));
  }

  /**
   * Insert certificates in one transaction; a code drawn twice (or already used) is drawn again.
   * @returns the ids inserted (an enrolment that got a valid certificate meanwhile is skipped)
   */
  async function insert(rows: Array<Insertable<DB["trainingCertificates"]>>, audit: (tx: Parameters<typeof insertAudit>[0], ids: string[]) => Promise<void>): Promise<string[]> {
    return db.transaction().execute(async (tx) => {
      let pending = rows;
      const inserted: string[] = [];
      for (let round = 0; round < 5 && pending.length > 0; round++) {
        const seen = new Set<string>();
        const taken = await repo.takenCodes(pending.map((r) => r.code as string), tx);
        for (const r of pending) {
          while (taken.has(r.code as string) || seen.has(r.code as string)) r.code = newCertificateCode();
          seen.add(r.code as string);
        }
        const ids = await repo.insertMany(tx, pending);
        inserted.push(...ids);
        const done = new Set(ids);
        const skipped = pending.filter((r) => !done.has(r.id as string));
        // Skipped: its enrolment holds a valid certificate now, or (rarely) its code was taken meanwhile.
        const retry: typeof pending = [];
        for (const r of skipped) if (!(await repo.validForEnrolment(r.enrolmentId as string, tx))) retry.push({ ...r, code: newCertificateCode() });
        pending = retry;
      }
      await audit(tx, inserted);
      return inserted;
    });
  }

  async function programmeOf(id: string): Promise<LoadedProgramme> {
    const p = await loadProgramme(db, id);
    if (!p) throw new AppError("TRAINING_PROGRAMME_NOT_FOUND");
    return p;
  }

  /**
   * A certificate the actor may see (the trainee, his organisation's admin, the programme's managers,
   * coordinators), with its programme.
   * @throws CERTIFICATE_NOT_FOUND
   */
  async function visible(actor: Actor, id: string) {
    const cert = await repo.findById(id);
    if (!cert) throw new AppError("CERTIFICATE_NOT_FOUND");
    const [programme, enrolment] = await Promise.all([programmeOf(cert.programmeId), repo.enrolment(cert.enrolmentId)]);
    const who = { personId: cert.personId, userId: enrolment?.userId ?? null, organisationId: cert.organisationId };
    if (!maySeeResults(await withGroups(db, actor), programme, who)) throw new AppError("CERTIFICATE_NOT_FOUND");
    return { cert, programme };
  }

  const cacheFile = (c: Pick<CertificateRow, "id" | "status">) => path.join(cacheFolder, `${c.id}.${c.status}.pdf`);

  /** The certificate's PDF: from the cache, or rendered and kept (a revoked one is stamped). */
  async function pdfOf(c: CertificateRow): Promise<Buffer> {
    const file = cacheFile(c);
    const cached = await readFile(file).catch(() => null);
    if (cached) return cached;
    const html = await certificateHtml({ ...present(c), status: c.status as "valid" | "revoked" });
    const buffer = await pdf.render(html, { landscape: true });
    await mkdir(cacheFolder, { recursive: true });
    const temp = `${file}.${newId()}.part`;
    await writeFile(temp, buffer);
    await rename(temp, file);
    return buffer;
  }

  function notComplete(locale: "ar" | "en", missing: CompletionRequirement[]): AppError {
    return new AppError("TRAINING_NOT_COMPLETE", {
      fields: missing.map((r) => ({ field: r, message: translate(locale, `training.results.requirement.${r}`) })),
    });
  }

  return {
    present,
    pdfOf,

    /**
     * The caller's certificate of a programme: the valid one he holds, or a new one when he has
     * completed it (idempotent: asking again returns the same certificate).
     * @returns the certificate and whether it was issued now
     * @throws TRAINING_PROGRAMME_NOT_FOUND, TRAINING_NOT_ENROLLED, TRAINING_NOT_COMPLETE (fields: what is missing)
     */
    async issueMine(actor: Actor, programmeId: string): Promise<{ certificate: Certificate; created: boolean }> {
      const programme = await programmeOf(programmeId);
      const enrolment = await requireEnrolmentOfActor(db, programmeId, actor);
      const existing = await repo.validForEnrolment(enrolment.id);
      if (existing) return { certificate: present(existing), created: false };
      const facts = await computeProgrammeFacts(db, programme, { enrolmentIds: [enrolment.id] });
      const me = facts.trainees[0];
      if (!me) throw new AppError("TRAINING_NOT_ENROLLED");
      if (me.missing.length > 0) throw notComplete(actor.locale, me.missing);
      const at = nowIso();
      const rows = snapshot(programme, facts, [me], await repo.issuers(programme.id), actor, at);
      await insert(rows, async (tx, ids) => {
        for (const id of ids) {
          await insertAudit(tx, { actorId: actor.userId, organisationId: me.organisationId, action: "certificate.issued", entityType: "training_certificate", entityId: id, summary: `Certificate ${rows[0]!.code} issued to ${me.nameEn} (${programme.code})` }, at);
        }
      });
      const cert = await repo.validForEnrolment(enrolment.id);
      if (!cert) throw new AppError("INTERNAL");
      return { certificate: present(cert), created: cert.id === rows[0]!.id };
    },

    /**
     * Issue a certificate to every complete trainee of the programme who holds no valid one.
     * @throws TRAINING_PROGRAMME_NOT_FOUND, FORBIDDEN
     */
    async issueAll(actor: Actor, programmeId: string) {
      const programme = await programmeForManage(db, actor, programmeId);
      const [facts, holders, issuers] = await Promise.all([computeProgrammeFacts(db, programme), repo.validEnrolmentIds(programme.id), repo.issuers(programme.id)]);
      const complete = facts.trainees.filter((t) => t.missing.length === 0);
      const toIssue = complete.filter((t) => !holders.has(t.enrolmentId));
      const at = nowIso();
      let issued = 0;
      // In batches: a programme of 100k trainees does not hold one transaction open for all of them.
      for (let i = 0; i < toIssue.length; i += 500) {
        const rows = snapshot(programme, facts, toIssue.slice(i, i + 500), issuers, actor, at);
        const ids = await insert(rows, async (tx, inserted) => {
          if (inserted.length === 0) return;
          await insertAudit(tx, { actorId: actor.userId, organisationId: actor.organisationId, action: "certificate.issued_bulk", entityType: "training_programme", entityId: programme.id, summary: `${inserted.length} certificates issued (${programme.code})`, changes: { certificateIds: inserted } }, at);
        });
        issued += ids.length;
      }
      return { issued, alreadyIssued: complete.length - toIssue.length + (toIssue.length - issued), notComplete: facts.trainees.length - complete.length };
    },

    /**
     * A programme's certificates: managers and coordinators see all, an organisation admin his own
     * organisation's trainees'.
     * @throws TRAINING_PROGRAMME_NOT_FOUND, FORBIDDEN
     */
    async listCertificates(actor: Actor, programmeId: string, query: CertificateListQuery) {
      const programme = await programmeForRead(db, actor, programmeId);
      const a = await withGroups(db, actor);
      const scope = resultsScope(a, programme);
      if (scope === "none") throw new AppError("FORBIDDEN");
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 25;
      const { items, total } = await repo.list(programme.id, { organisationId: scope === "own" ? actor.organisationId : undefined, status: query.status, q: query.q }, page, pageSize);
      const manage = mayManageProgramme(a, programme);
      return {
        items: items.map((c) => ({
          id: c.id,
          code: c.code,
          status: c.status as "valid" | "revoked",
          enrolmentId: c.enrolmentId,
          nameAr: c.nameAr,
          nameEn: c.nameEn,
          organisation: { id: c.orgId, code: c.orgCode, nameAr: c.orgNameAr, nameEn: c.orgNameEn },
          completedOn: c.completedOn,
          attendancePct: c.attendancePct,
          postScorePct: c.postScorePct,
          issuedAt: c.issuedAt,
          revokedAt: c.revokedAt,
          revokeReason: c.revokeReason,
          pdfUrl: pdfUrl(c.id),
        })),
        total,
        page,
        pageSize,
        can: { issue: manage, revoke: manage },
      };
    },

    /**
     * Revoke a certificate with a reason (the programme's managers). The trainee is told by email in
     * his language; the verification page shows it revoked; a new certificate may be issued later.
     * @throws CERTIFICATE_NOT_FOUND, FORBIDDEN, CERTIFICATE_REVOKED
     */
    async revokeCertificate(actor: Actor, id: string, reason: string): Promise<Certificate> {
      const { cert, programme } = await visible(actor, id);
      if (!mayManageProgramme(await withGroups(db, actor), programme)) throw new AppError("FORBIDDEN");
      if (cert.status !== "valid") throw new AppError("CERTIFICATE_REVOKED");
      const text = reason.trim();
      const at = nowIso();
      await db.transaction().execute(async (tx) => {
        if (!(await repo.revoke(tx, cert.id, { revokedAt: at, revokedBy: actor.userId, revokeReason: text }))) throw new AppError("CERTIFICATE_REVOKED");
        await insertAudit(tx, {
          actorId: actor.userId, organisationId: cert.organisationId, action: "certificate.revoked", entityType: "training_certificate", entityId: cert.id,
          summary: `Certificate ${cert.code} of ${cert.nameEn} revoked`, changes: { status: ["valid", "revoked"], reason: [null, text] },
        }, at);
        const to = await repo.recipientOf(cert.enrolmentId, tx);
        const email = to?.userEmail && !to.disabledAt ? to.userEmail : to?.personEmail;
        if (to && email) {
          const locale = asLocale(to.userEmail && !to.disabledAt ? (to.userLocale ?? "ar") : to.preferredLanguage);
          const digits = asDigits(to.userEmail && !to.disabledAt ? (to.userDigits ?? "arab") : locale === "ar" ? "arab" : "latn");
          const values = {
            name: locale === "ar" ? cert.nameAr : cert.nameEn,
            code: cert.code,
            programme: locale === "ar" ? cert.programmeTitleAr : cert.programmeTitleEn,
            date: bothCalendars(todayIso(new Date(at)), locale, digits),
            reason: text,
            link: `${config.publicUrl}/training/${cert.programmeId}`,
          };
          await insertOutbox(tx, {
            organisationId: cert.organisationId,
            toEmail: email,
            kind: "training_certificate_revoked",
            locale,
            subject: translate(locale, "emails.training_certificate_revoked_subject", values),
            body: translate(locale, "emails.training_certificate_revoked_body", values),
          });
        }
      });
      // The valid rendering must not be served again.
      await rm(cacheFile(cert), { force: true });
      return present((await repo.findById(cert.id))!);
    },

    /**
     * A certificate as PDF (revoked ones too, stamped as such).
     * @throws CERTIFICATE_NOT_FOUND, PDF_RENDERER_UNAVAILABLE
     */
    async getPdf(actor: Actor, id: string): Promise<{ fileName: string; buffer: Buffer }> {
      const { cert } = await visible(actor, id);
      return { fileName: `certificate-${cert.code}.pdf`, buffer: await pdfOf(cert) };
    },

    /**
     * The valid certificates of a workshop's trainees as one ZIP (PDFs rendered one after the other
     * while the archive streams): for the programmes the workshop delivers, all of them for their
     * managers and coordinators, an organisation admin's own trainees' for him.
     * @throws EVENT_NOT_FOUND, FORBIDDEN, PDF_RENDERER_UNAVAILABLE
     */
    async zipForEvent(actor: Actor, eventId: string): Promise<{ fileName: string; stream: Readable }> {
      const event = await events.load(actor, eventId);
      const a = await withGroups(db, actor);
      const scopes: ProgrammeScope[] = [];
      for (const programmeId of await repo.programmesOfEvent(eventId)) {
        const programme = await loadProgramme(db, programmeId);
        if (!programme) continue;
        const scope = resultsScope(a, programme);
        if (scope !== "none") scopes.push({ programmeId, organisationId: scope === "own" ? actor.organisationId : null });
      }
      if (scopes.length === 0) throw new AppError("FORBIDDEN");
      const certs = await repo.validForAttendees(eventId, scopes);
      // Start the renderer before the first byte is sent: a missing Chromium is a 503, not a broken download.
      if (certs.length > 0) await pdf.ensureAvailable();
      const zip = new yazl.ZipFile();
      const out = new PassThrough();
      zip.outputStream.on("error", (err: Error) => out.destroy(err)).pipe(out);
      void (async () => {
        const names = new Set<string>();
        for (const c of certs) {
          const buffer = await pdfOf(c);
          const latin = fileNamePart(c.nameEn);
          let name = latin ? `${c.code}-${latin}.pdf` : `${c.code}.pdf`;
          for (let i = 2; names.has(name); i++) name = `${c.code}-${i}.pdf`;
          names.add(name);
          // PDFs are compressed already.
          zip.addBuffer(buffer, name, { compress: false, mtime: new Date(c.issuedAt) });
        }
        zip.end();
      })().catch((err: unknown) => {
        deps.log.error({ err }, "certificate ZIP failed");
        out.destroy(err instanceof Error ? err : new Error(String(err)));
      });
      const slug = fileNamePart(event.titleEn) || "workshop";
      return { fileName: `certificates-${slug}-${event.startsAt.slice(0, 10)}.zip`, stream: out };
    },

    /**
     * Public verification of a code as typed (case, spaces and dashes do not matter): only the names,
     * the programme, the completion day and whether it is valid or revoked (and since when).
     * @throws CERTIFICATE_NOT_FOUND
     */
    async verifyCertificate(input: string): Promise<Verification> {
      const code = canonicalCertificateCode(input);
      const cert = code ? await repo.findByCode(code) : undefined;
      if (!cert) throw new AppError("CERTIFICATE_NOT_FOUND");
      const result: Verification = {
        code: cert.code,
        status: cert.status as "valid" | "revoked",
        nameAr: cert.nameAr,
        nameEn: cert.nameEn,
        programmeTitleAr: cert.programmeTitleAr,
        programmeTitleEn: cert.programmeTitleEn,
        completedOn: cert.completedOn,
      };
      if (cert.status === "revoked" && cert.revokedAt) result.revokedAt = cert.revokedAt;
      return result;
    },
  };
}

export type CertificatesService = ReturnType<typeof createCertificatesService>;
