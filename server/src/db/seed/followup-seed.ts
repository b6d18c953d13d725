import type { Insertable, Kysely } from "kysely";
import type { DB } from "../schema.js";
import { newId, newSecret, nowIso } from "../../lib/tokens.js";
import { normalizeForSearch } from "../../../../common/text.js";
import { PEOPLE } from "./data/index.js";

export const DEMO_FOLLOWUP_KEY = "demo_followup_seeded_at";

const MINISTER = "The Minister's meeting with member-state representatives";
const ASAS = "Asas workshop";
const TERHAB = "Terhab workshop";
const GCC_1446 = "Annual meeting of the heads of the GCC Hajj-affairs offices";
const GCC_1447_EN = "Annual meeting of the heads of the GCC Hajj-affairs offices (1447)";

/** Riyadh wall time → UTC ISO (Asia/Riyadh is UTC+3 all year). */
const riyadh = (local: string) => new Date(`${local}:00+03:00`).toISOString();

/** A YYYY-MM-DD date `days` after today (for the one demo action that must stay ahead of the clock). */
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Follow-up demo, on top of the demo events: the OIC × Ministry cooperation programme for
 * 1445–1446 (areas, signatories, the Asas and Terhab workshops); the Minister's meeting of
 * 13 June 2023 with three decisions tracked as recommendations — training service providers'
 * staff, put into effect by Asas and Terhab, 60 % done with two evidence updates; the GCC 1446
 * meeting's decisions tracked with actions (one overdue), a Qatari proposal adopted and another
 * deferred; and the GCC 1447 meeting (the next edition, hosted by the Qatari office) so that
 * open items show. Illustrative: decisions, figures and names are examples, not the record.
 * Loads once; never overwrites.
 */
export async function seedDemoFollowup(db: Kysely<DB>): Promise<boolean> {
  if (await db.selectFrom("meta").select("value").where("key", "=", DEMO_FOLLOWUP_KEY).executeTakeFirst()) return false;
  // Look everything up before the transaction: on SQLite a query outside it would wait for it forever.
  const orgRows = await db.selectFrom("organisations").select(["id", "code", "nameAr"]).where("code", "in", ["oic", "moh-sa", "hajj-kw", "hajj-qa", "hajj-om", "hajj-bh", "hajj-sa", "hajj-ae", "hajj-id", "hajj-eg", "hajj-pk"]).execute();
  const org = Object.fromEntries(orgRows.map((o) => [o.code, o.id])) as Record<string, string | undefined>;
  const nameAr = (code: string) => orgRows.find((o) => o.code === code)?.nameAr ?? code;
  const events = await db.selectFrom("events").select(["id", "titleEn", "seasonId", "hostOrganisationId", "visibility", "shareGroupId"]).where("titleEn", "in", [MINISTER, ASAS, TERHAB, GCC_1446, GCC_1447_EN]).execute();
  const event = (title: string) => events.find((e) => e.titleEn === title);
  const minister = event(MINISTER);
  const asas = event(ASAS);
  const terhab = event(TERHAB);
  const gcc = event(GCC_1446);
  if (!org.oic || !org["moh-sa"] || !org["hajj-kw"] || !org["hajj-qa"] || !minister || !asas || !terhab || !gcc) return false; // the directory or events demo was not loaded
  const seasons = new Map((await db.selectFrom("seasons").select(["id", "code"]).execute()).map((s) => [s.code, s.id]));
  const users = new Map((await db.selectFrom("users").select(["id", "email", "organisationId"]).execute()).map((u) => [u.email, u]));
  const personId = async (key: string) => {
    const seed = PEOPLE.find((p) => p.key === key);
    return seed ? ((await db.selectFrom("people").select("id").where("email", "=", seed.email).executeTakeFirst())?.id ?? null) : null;
  };
  const people: Record<string, string | null> = {};
  for (const key of ["oic-representative", "moh-coordinator", "qa-head", "qa-official-2", "kw-official", "id-official", "om-head", "bh-head"]) people[key] = await personId(key);
  const gccGroup = (await db.selectFrom("groups").select("id").where("code", "=", "gcc-hajj-offices").executeTakeFirst())?.id ?? null;
  const hasMinutes = async (eventId: string) => Boolean(await db.selectFrom("eventMinutes").select("eventId").where("eventId", "=", eventId).executeTakeFirst());
  const [ministerHasMinutes, gccHasMinutes] = [await hasMinutes(minister.id), await hasMinutes(gcc.id)];
  const user = (email: string) => users.get(email) ?? null;
  const OIC = user("coordinator@oic.rifada.test");
  const MOH = user("coordinator@moh-sa.rifada.test");
  const KW = user("mishari.alrashidan@hajj-kw.rifada.test");
  const QA = user("khalid.alkuwari@hajj-qa.rifada.test");
  const QA_MEMBER = user("mohammed.alnuaimi@hajj-qa.rifada.test");
  const now = nowIso();

  await db.transaction().execute(async (tx) => {
    // Season 1447 (1 Muharram 1447 = 26 June 2025), for the next edition of the GCC meeting.
    let season1447 = seasons.get("1447");
    if (!season1447) {
      season1447 = newId();
      await tx.insertInto("seasons").values({ id: season1447, code: "1447", hijriYear: 1447, nameAr: "موسم حج 1447 هـ", nameEn: "Hajj season 1447 AH", startsOn: "2025-06-26", endsOn: "2026-06-15", createdAt: now, updatedAt: now }).execute();
    }

    // — The cooperation programme ———————————————————————————————————————————
    const programmeId = newId();
    await tx.insertInto("cooperationProgrammes").values({
      id: programmeId,
      code: "oic-moh-1445-1446",
      seasonId: seasons.get("1445") ?? asas.seasonId,
      organisationId: org.oic!,
      titleAr: "برنامج التعاون بين الأمانة العامة لمنظمة التعاون الإسلامي ووزارة الحج والعمرة (1445–1446 هـ)",
      titleEn: "Cooperation programme between the OIC General Secretariat and the Ministry of Hajj and Umrah (1445–1446 AH)",
      descriptionAr: "برنامج لرفع وعي منظمي الحج ومقدمي الخدمات وجودة عمل العاملين في خدمة ضيوف الرحمن، تنفيذًا لتوصيات لقاء معالي الوزير بممثلي الدول الأعضاء.",
      descriptionEn: "A programme to raise the awareness of Hajj organisers and service providers and the quality of work of the staff who serve the guests of the Most Merciful, putting into effect the recommendations of the Minister's meeting with member-state representatives.",
      startsOn: "2023-07-19",
      endsOn: "2025-06-25",
      visibility: "members",
      shareGroupId: null,
      createdBy: OIC?.id ?? null,
      createdAt: "2023-07-20T08:00:00.000Z",
      updatedAt: "2023-07-20T08:00:00.000Z",
      archivedAt: null,
    }).execute();
    await tx.insertInto("programmeParties").values([
      { programmeId, organisationId: org.oic!, signatoryPersonId: people["oic-representative"], signatoryName: null, signedOn: "2023-07-20" },
      { programmeId, organisationId: org["moh-sa"]!, signatoryPersonId: people["moh-coordinator"], signatoryName: null, signedOn: "2023-07-20" },
    ]).execute();
    const areas: Record<string, string> = {};
    for (const [position, [code, titleAr, titleEn]] of ([
      ["training", "التدريب", "Training"],
      ["awareness", "التوعية", "Awareness"],
      ["service_quality", "جودة الخدمات", "Service quality"],
      ["field_coordination", "التنسيق الميداني", "Field coordination"],
    ] as const).entries()) {
      areas[code] = newId();
      await tx.insertInto("cooperationAreas").values({ id: areas[code], programmeId, position, code, titleAr, titleEn }).execute();
    }
    await tx.insertInto("programmeEvents").values([{ programmeId, eventId: asas.id }, { programmeId, eventId: terhab.id }]).execute();

    // Some of those who attended the workshops (virtual: imported from the platform's report).
    const attended: Array<[string, string, string | null]> = [
      [asas.id, "hajj-qa", people["qa-official-2"]], [asas.id, "hajj-id", people["id-official"]], [asas.id, "hajj-kw", people["kw-official"]], [asas.id, "hajj-om", people["om-head"]],
      [terhab.id, "hajj-qa", people["qa-official-2"]], [terhab.id, "hajj-bh", people["bh-head"]], [terhab.id, "hajj-id", people["id-official"]],
    ];
    for (const [eventId, code, person] of attended) {
      if (!person || !org[code]) continue;
      await tx.insertInto("attendance")
        .values({ id: newId(), eventId, attendeeKey: `p:${person}`, personId: person, userId: null, organisationId: org[code]!, source: "import", minutes: 120, checkedInAt: eventId === asas.id ? riyadh("2024-05-26T10:05") : riyadh("2024-05-26T13:05"), recordedBy: null })
        .onConflict((oc) => oc.columns(["eventId", "attendeeKey"]).doNothing())
        .execute();
    }

    // Timeline entries, audit trail and helpers.
    const updates: Insertable<DB["recommendationUpdates"]>[] = [];
    const entry = (recommendationId: string, by: { id: string; organisationId: string } | null, organisationId: string, at: string, values: Partial<Insertable<DB["recommendationUpdates"]>>) =>
      updates.push({ id: newId(), recommendationId, userId: by?.id ?? null, organisationId, kind: "update", text: null, statusFrom: null, statusTo: null, progressFrom: null, progressTo: null, links: null, createdAt: at, ...values });
    const recommendation = async (r: Omit<Insertable<DB["recommendations"]>, "id" | "statusReason" | "createdBy" | "approvedAt" | "closedAt" | "updatedAt"> & { updatedAt?: string; by: { id: string } | null }, responsibles: string[]) => {
      const id = newId();
      const { by, ...values } = r;
      await tx.insertInto("recommendations").values({ id, statusReason: null, createdBy: by?.id ?? null, approvedAt: values.status === "proposed" ? null : values.createdAt, closedAt: null, ...values, updatedAt: values.updatedAt ?? values.createdAt }).execute();
      await tx.insertInto("recommendationResponsibles").values(responsibles.map((organisationId) => ({ recommendationId: id, organisationId }))).execute();
      return id;
    };
    const decisions = async (eventId: string, writeMinutes: boolean, items: Array<{ reference: string; textAr: string; textEn: string; responsible: string | null; dueOn: string | null }>, bodyHtml: string, at: string, by: string | null) => {
      if (writeMinutes) await tx.insertInto("eventMinutes").values({ eventId, bodyHtml, version: 1, updatedBy: by, updatedAt: at }).execute();
      const ids: string[] = [];
      for (const [position, d] of items.entries()) {
        const id = newId();
        ids.push(id);
        await tx.insertInto("eventDecisions").values({ id, eventId, position, reference: d.reference, textAr: d.textAr, textEn: d.textEn, responsibleOrganisationId: d.responsible, dueOn: d.dueOn, createdAt: at, updatedAt: at }).execute();
      }
      return ids;
    };

    // — The Minister's meeting (13 June 2023): three decisions, tracked ————————————
    const ministerAt = "2023-06-20T09:00:00.000Z";
    const ministerDecisions = [
      { reference: "1444/1", textAr: "تدريب العاملين لدى مقدمي الخدمات على استقبال ضيوف الرحمن وخدمتهم، من خلال ورش عمل مشتركة بين الأمانة العامة والوزارة.", textEn: "Train service providers' staff in receiving and serving the guests of the Most Merciful, through joint workshops of the Secretariat and the Ministry.", responsible: org["moh-sa"]!, dueOn: "2024-06-30" },
      { reference: "1444/2", textAr: "إعداد مواد توعوية للحجاج بلغات الدول الأعضاء وتوزيعها عبر بعثات الحج قبل الموسم.", textEn: "Prepare awareness material for pilgrims in the member states' languages and distribute it through the Hajj missions before the season.", responsible: org.oic!, dueOn: "2025-05-31" },
      { reference: "1444/3", textAr: "تعزيز التنسيق الميداني بين بعثات الحج ومقدمي الخدمات في المشاعر المقدسة.", textEn: "Strengthen field coordination between the Hajj missions and the service providers in the holy sites.", responsible: org["moh-sa"]!, dueOn: "2025-06-30" },
    ];
    const ministerIds = ministerHasMinutes ? [null, null, null] : await decisions(minister.id, true, ministerDecisions, "<p>التقى معالي وزير الحج والعمرة بممثلي الدول الأعضاء في منظمة التعاون الإسلامي، وخرج اللقاء بالتوصيات الآتية.</p>", ministerAt, MOH?.id ?? null);
    const trackedVisibility = (e: { visibility: string; shareGroupId: string | null }) => (e.visibility === "private" ? { visibility: "private", shareGroupId: null } : { visibility: e.visibility, shareGroupId: e.shareGroupId });
    const ministerRecs: string[] = [];
    for (const [i, d] of ministerDecisions.entries()) {
      const area = [areas.training, areas.awareness, areas.field_coordination][i];
      const id = await recommendation({
        programmeId, areaId: area, seasonId: minister.seasonId, sourceEventId: minister.id, sourceDecisionId: ministerIds[i], sourceProposalId: null, reference: d.reference,
        textAr: d.textAr, textEn: d.textEn, status: "approved", progress: 0, dueOn: d.dueOn, organisationId: minister.hostOrganisationId, ...trackedVisibility(minister), createdAt: ministerAt, by: MOH,
      }, i === 0 ? [org["moh-sa"]!, org.oic!] : [d.responsible]);
      ministerRecs.push(id);
      entry(id, MOH, org["moh-sa"]!, ministerAt, { kind: "created", text: `#${i + 1}`, statusTo: "approved", progressTo: 0 });
    }
    // 1444/1 — training service providers' staff: Asas and Terhab put it into effect; 60 % done.
    const training = ministerRecs[0];
    await tx.insertInto("recommendationLinks").values([
      { recommendationId: training, targetType: "event", targetId: asas.id, createdBy: OIC?.id ?? null, createdAt: "2024-04-15T08:00:00.000Z" },
      { recommendationId: training, targetType: "event", targetId: terhab.id, createdBy: OIC?.id ?? null, createdAt: "2024-04-15T08:05:00.000Z" },
    ]).execute();
    entry(training, OIC, org.oic!, "2024-04-15T08:00:00.000Z", { kind: "link", text: "linked", links: JSON.stringify([{ type: "event", id: asas.id, titleAr: "ورشة أساس", titleEn: ASAS }]) });
    entry(training, OIC, org.oic!, "2024-04-15T08:05:00.000Z", { kind: "link", text: "linked", links: JSON.stringify([{ type: "event", id: terhab.id, titleAr: "ورشة ترحاب", titleEn: TERHAB }]) });
    entry(training, MOH, org["moh-sa"]!, "2024-04-16T09:00:00.000Z", { kind: "status", text: "بدأ الإعداد لورشتي أساس وترحاب مع الأمانة العامة.", statusFrom: "approved", statusTo: "in_progress", progressFrom: 0, progressTo: 20 });
    entry(training, MOH, org["moh-sa"]!, "2024-05-27T10:00:00.000Z", {
      kind: "progress",
      text: "عُقدت ورشتا أساس وترحاب افتراضيًا في 26 مايو 2024 بمشاركة مندوبي الدول الأعضاء وممثلي وزارات الحج ومؤسسات المنظمة، وأُتيحت المواد والتسجيلات بعد الجلستين.",
      links: JSON.stringify([{ url: "https://rifada.example.org/reports/asas-terhab-1445", title: "تقرير ورشتي أساس وترحاب" }]),
      progressFrom: 20,
      progressTo: 45,
    });
    entry(training, OIC, org.oic!, "2024-06-10T09:00:00.000Z", {
      kind: "progress",
      text: "Participants' evaluations collected; a second round for field supervisors of service providers is planned with the Ministry for season 1446.",
      links: JSON.stringify([{ url: "https://rifada.example.org/reports/asas-terhab-evaluation", title: "Evaluation summary" }]),
      progressFrom: 45,
      progressTo: 60,
    });
    await tx.updateTable("recommendations").set({ status: "in_progress", progress: 60, updatedAt: "2024-06-10T09:00:00.000Z" }).where("id", "=", training).execute();
    // 1444/2 — awareness material: under way.
    entry(ministerRecs[1], OIC, org.oic!, "2025-03-01T09:00:00.000Z", { kind: "status", text: "Translation into eight languages has started.", statusFrom: "approved", statusTo: "in_progress", progressFrom: 0, progressTo: 30 });
    await tx.updateTable("recommendations").set({ status: "in_progress", progress: 30, updatedAt: "2025-03-01T09:00:00.000Z" }).where("id", "=", ministerRecs[1]).execute();

    // — The GCC 1446 meeting: decisions tracked, with actions —————————————————————
    const gccAt = "2025-06-04T18:00:00.000Z";
    const gccDecisions = [
      { reference: "1446/1", textAr: "إبقاء قنوات التنسيق مفتوحة بين البعثات طوال الموسم عبر مجموعة اتصال مشتركة.", textEn: "Keep coordination channels open between the missions throughout the season through a joint contact group.", responsible: org["hajj-kw"]!, dueOn: "2025-07-31" },
      { reference: "1446/2", textAr: "تبادل الخبرات التنظيمية والميدانية بين البعثات ونشرها في مكتبة أفضل الممارسات.", textEn: "Share organisational and field experience between the missions and publish it in the library of best practices.", responsible: org["hajj-qa"]!, dueOn: "2025-10-01" },
      { reference: "1446/3", textAr: "توجيه الشكر لوزارة الحج والعمرة ومواصلة التنسيق معها قبل الموسم القادم.", textEn: "Thank the Ministry of Hajj and Umrah and keep coordinating with it before the next season.", responsible: org["hajj-kw"]!, dueOn: null },
    ];
    const gccDecisionIds = gccHasMinutes ? [null, null, null] : await decisions(gcc.id, true, gccDecisions, "<p>عُقد الاجتماع السنوي لرؤساء مكاتب شؤون الحجاج بدول مجلس التعاون في مقر بعثة الحج الكويتية بمكة المكرمة، برئاسة رئيس البعثة الكويتية.</p>", gccAt, KW?.id ?? null);
    const gccRecs: string[] = [];
    for (const [i, d] of gccDecisions.entries()) {
      const id = await recommendation({
        programmeId: null, areaId: null, seasonId: gcc.seasonId, sourceEventId: gcc.id, sourceDecisionId: gccDecisionIds[i], sourceProposalId: null, reference: d.reference,
        textAr: d.textAr, textEn: d.textEn, status: i === 2 ? "done" : i === 0 ? "in_progress" : "approved", progress: i === 2 ? 100 : i === 0 ? 70 : 0, dueOn: d.dueOn,
        organisationId: gcc.hostOrganisationId, ...trackedVisibility(gcc), createdAt: gccAt, by: KW,
      }, [d.responsible]);
      gccRecs.push(id);
      entry(id, KW, org["hajj-kw"]!, gccAt, { kind: "created", text: `#${i + 1}`, statusTo: "approved", progressTo: 0 });
    }
    entry(gccRecs[0], KW, org["hajj-kw"]!, "2025-06-10T12:00:00.000Z", { kind: "status", text: "أُنشئت مجموعة الاتصال المشتركة وانضم إليها ممثلو البعثات الست.", statusFrom: "approved", statusTo: "in_progress", progressFrom: 0, progressTo: 70 });
    entry(gccRecs[2], KW, org["hajj-kw"]!, "2025-06-20T12:00:00.000Z", { kind: "status", text: "أُرسل خطاب الشكر إلى معالي الوزير.", statusFrom: "approved", statusTo: "done", progressFrom: 0, progressTo: 100 });
    await tx.updateTable("recommendations").set({ closedAt: "2025-06-20T12:00:00.000Z", updatedAt: "2025-06-20T12:00:00.000Z" }).where("id", "=", gccRecs[2]).execute();
    const action = async (recommendationId: string, titleAr: string, titleEn: string, organisationId: string, personId: string | null, dueOn: string, by: { id: string } | null, at: string) => {
      const id = newId();
      await tx.insertInto("actions").values({ id, recommendationId, titleAr, titleEn, organisationId, personId, dueOn, status: "open", note: null, doneAt: null, remindedAt: null, overdueNotifiedAt: null, createdBy: by?.id ?? null, createdAt: at, updatedAt: at }).execute();
      entry(recommendationId, by as never, organisationId, at, { kind: "action", text: "created", links: JSON.stringify([{ type: "action", id, titleAr, titleEn }]) });
    };
    // Overdue since 1 October 2025: the Qatari office still has to publish the first practices.
    await action(gccRecs[1], "نشر ثلاث ممارسات ميدانية في مكتبة أفضل الممارسات", "Publish three field practices in the library of best practices", org["hajj-qa"]!, people["qa-official-2"], "2025-10-01", QA, "2025-06-15T09:00:00.000Z");
    await action(gccRecs[0], "مراجعة أعضاء مجموعة الاتصال قبل الموسم القادم", "Review the members of the contact group before the next season", org["hajj-kw"]!, people["kw-official"], daysFromNow(45), KW, "2025-06-15T09:30:00.000Z");

    // Proposals: Qatar's adopted (co-sponsored by Kuwait and Oman), Bahrain's deferred.
    const proposal = async (p: Omit<Insertable<DB["proposals"]>, "id" | "decidedBy" | "carriedFromProposalId" | "updatedAt">) => {
      const id = newId();
      await tx.insertInto("proposals").values({ id, decidedBy: KW?.id ?? null, carriedFromProposalId: null, updatedAt: p.decidedAt ?? p.createdAt, ...p }).execute();
      return id;
    };
    const shuttlesTitle = "جدول موحد لحافلات البعثات بين المشاعر";
    const shuttles = await proposal({
      eventId: gcc.id, organisationId: org["hajj-qa"]!, language: "ar", title: shuttlesTitle,
      problem: "تسيّر كل بعثة حافلاتها بين منى وعرفات في الأوقات نفسها، فتزدحم الطرق ويطول انتظار الحجاج.",
      proposal: "الاتفاق على جدول موحد لحافلات بعثات دول المجلس يُنشر قبل الموسم، مع نقاط تجمع مشتركة.",
      benefit: "تقصير مدة التنقل على الحجاج وخفض عدد الحافلات على الطرق.",
      status: "adopted", decisionReference: "1446/4", decisionNote: "اعتُمد بالإجماع.", decidedAt: gccAt, recommendationId: null, createdBy: QA_MEMBER?.id ?? QA?.id ?? null, createdAt: "2025-05-28T10:00:00.000Z",
    });
    for (const [code, at] of [["hajj-kw", "2025-05-29T08:00:00.000Z"], ["hajj-om", "2025-05-30T08:00:00.000Z"]] as const) {
      if (org[code]) await tx.insertInto("proposalSponsors").values({ proposalId: shuttles, organisationId: org[code]!, userId: code === "hajj-kw" ? (KW?.id ?? null) : null, createdAt: at }).execute();
    }
    await tx.insertInto("proposalComments").values({ id: newId(), proposalId: shuttles, userId: KW?.id ?? null, organisationId: org["hajj-kw"]!, body: "نؤيد المقترح، ونقترح البدء بمشعر منى في يوم التروية.", deletedAt: null, createdAt: "2025-05-29T08:05:00.000Z" }).execute();
    const shuttlesRec = await recommendation({
      programmeId: null, areaId: null, seasonId: gcc.seasonId, sourceEventId: gcc.id, sourceDecisionId: null, sourceProposalId: shuttles, reference: "1446/4",
      textAr: `${shuttlesTitle} — الاتفاق على جدول موحد لحافلات بعثات دول المجلس يُنشر قبل الموسم، مع نقاط تجمع مشتركة.`,
      textEn: "A shared timetable for the GCC missions' shuttles between the holy sites, published before the season, with common meeting points.",
      status: "approved", progress: 0, dueOn: "2026-05-01", organisationId: gcc.hostOrganisationId, ...trackedVisibility(gcc), createdAt: gccAt, by: KW,
    }, [org["hajj-qa"]!, org["hajj-kw"]!, ...(org["hajj-om"] ? [org["hajj-om"]] : [])]);
    await tx.updateTable("proposals").set({ recommendationId: shuttlesRec }).where("id", "=", shuttles).execute();
    entry(shuttlesRec, KW, org["hajj-kw"]!, gccAt, {
      kind: "created", statusTo: "approved", progressTo: 0,
      text: `أُنشئت من المقترح «${shuttlesTitle}» المقدَّم من ${nameAr("hajj-qa")} بتاريخ 2025-05-28، وشارك في رعايته: ${nameAr("hajj-kw")}، ${nameAr("hajj-om")}. واعتمده الاجتماع (القرار 1446/4).`,
    });
    if (org["hajj-bh"]) {
      await proposal({
        eventId: gcc.id, organisationId: org["hajj-bh"], language: "ar", title: "منصة موحدة لبلاغات المفقودات بين البعثات",
        problem: "تتعدد قنوات الإبلاغ عن المفقودات بين البعثات ومقدمي الخدمات.", proposal: "إنشاء منصة موحدة للبلاغات تتشاركها بعثات دول المجلس.",
        benefit: "سرعة إعادة المفقودات إلى أصحابها.", status: "deferred", decisionReference: "1446/5", decisionNote: "يُعاد عرضه في الاجتماع القادم بعد دراسة تقنية.", decidedAt: gccAt,
        recommendationId: null, createdBy: null, createdAt: "2025-05-30T11:00:00.000Z",
      });
    }

    // — The GCC 1447 meeting: the next edition, hosted by the Qatari office ——————————
    if (!event(GCC_1447_EN)) {
      const id = newId();
      const titleAr = "الاجتماع السنوي لرؤساء مكاتب شؤون الحجاج بدول مجلس التعاون (1447 هـ)";
      const venueAr = "مقر بعثة الحج القطرية، مكة المكرمة";
      const venueEn = "Qatari Hajj office, Mecca";
      await tx.insertInto("events").values({
        id, seasonId: season1447, kind: "meeting", mode: "in_person", status: "published", titleAr, titleEn: GCC_1447_EN, descriptionAr: null, descriptionEn: null,
        hostOrganisationId: org["hajj-qa"]!, chairPersonId: people["qa-head"], venueAr, venueEn, joinUrl: null, timeZone: "Asia/Riyadh",
        // 6 Dhu al-Hijjah 1447 = 23 May 2026.
        startsAt: riyadh("2026-05-23T20:00"), endsAt: riyadh("2026-05-23T22:00"), registration: "invitation", capacity: null, previousEventId: gcc.id,
        visibility: gccGroup ? "group" : "members", shareGroupId: gccGroup, checkInSecret: newSecret(),
        searchText: normalizeForSearch([titleAr, GCC_1447_EN, venueAr, venueEn, "hajj-qa", "1447"].join(" ")), createdBy: QA?.id ?? null, reminderSentAt: null, archivedAt: null, createdAt: now, updatedAt: now,
      }).execute();
      if (gccGroup) {
        const members = await tx.selectFrom("groupMembers").select("organisationId").where("groupId", "=", gccGroup).execute();
        const rows = members.filter((m) => m.organisationId !== org["hajj-qa"]).map((m) => ({ id: newId(), eventId: id, organisationId: m.organisationId, viaGroupId: gccGroup, status: "invited", quota: null, respondedAt: null, createdAt: now }));
        if (rows.length) await tx.insertInto("eventInvitations").values(rows).execute();
      }
    }

    for (let i = 0; i < updates.length; i += 50) await tx.insertInto("recommendationUpdates").values(updates.slice(i, i + 50)).execute();
    await tx.insertInto("meta").values({ key: DEMO_FOLLOWUP_KEY, value: now }).execute();
  });
  return true;
}
