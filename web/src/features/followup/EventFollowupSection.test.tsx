import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildMe, jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { buildEvent } from "../events/fixtures.js";
import { EventFollowupSection } from "./EventFollowupSection.js";
import { buildProposal, buildSummary, KUWAIT, openDialog, QATAR } from "./fixtures.js";
import type { OpenItems, Proposal, ProposalList } from "./types.js";

const HOSTED = buildEvent({ abilities: { update: true, register: false, viewRegistrations: true } });
const KUWAITI_ADMIN = buildMe({ role: "org_admin", organisation: KUWAIT });
const QATARI_MEMBER = buildMe({ role: "member", organisation: QATAR });

function proposals(items: Proposal[], abilities: ProposalList["abilities"] = { submit: true, decide: false }): ProposalList {
  return { items, abilities };
}

function mockSection(extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    "GET /api/events/e-gcc/recommendations": () => jsonResponse({ serves: [], source: [], programmes: [] }),
    "GET /api/events/e-gcc/proposals": () => jsonResponse(proposals([])),
    "GET /api/organisations": () => jsonResponse({ items: [KUWAIT, QATAR], total: 2, page: 1, pageSize: 50 }),
    ...extra,
  });
}

function bodyOf(fetchMock: ReturnType<typeof mockFetch>, method: string, path: string) {
  const call = fetchMock.mock.calls.find(([url, init]) => init?.method === method && String(url) === path);
  return call ? JSON.parse(String(call[1]!.body)) : undefined;
}

// These pages render many fields (date inputs, pickers): allow for a slow machine.
vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("EventFollowupSection — recommendations", () => {
  it("tracks the minutes' decisions as recommendations, after confirming, and lists them", async () => {
    let tracked = false;
    const fetchMock = mockSection({
      "GET /api/events/e-gcc/recommendations": () => jsonResponse({ serves: [], source: tracked ? [buildSummary()] : [], programmes: [] }),
      "POST /api/events/e-gcc/decisions/track": () => {
        tracked = true;
        return jsonResponse({ created: [buildSummary(), buildSummary({ id: "r-2" })], alreadyTracked: [{ decisionId: "d-1", recommendationId: "r-0" }] });
      },
    });
    renderPage(<EventFollowupSection event={HOSTED} />, { locale: "en", user: KUWAITI_ADMIN });
    expect(await screen.findByText("No recommendation has come out of this event yet.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Track the decisions as recommendations" }));
    const dialog = await openDialog();
    fireEvent.click(within(dialog).getByRole("button", { name: "Track the decisions as recommendations" }));
    expect(await screen.findByText("2 recommendations created. 1 decision was already tracked.")).toBeTruthy();
    expect(bodyOf(fetchMock, "POST", "/api/events/e-gcc/decisions/track")).toEqual({});
    const link = await screen.findByRole("link", { name: /GCC-1446\/3/ });
    expect(link.getAttribute("href")).toBe("/recommendations/r-1");
  });

  it("does not offer tracking to those who may not edit the event", async () => {
    mockSection();
    renderPage(<EventFollowupSection event={buildEvent()} />, { locale: "ar", user: QATARI_MEMBER });
    expect(await screen.findByText("لم تصدر عن هذه الفعالية توصيات بعد.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "متابعة القرارات بوصفها توصيات" })).toBeNull();
  });
});

describe("EventFollowupSection — proposals", () => {
  it("submits a proposal in the chosen language", async () => {
    const fetchMock = mockSection({
      "POST /api/events/e-gcc/proposals": (_url, init) => {
        const body = JSON.parse(String(init.body));
        return jsonResponse(buildProposal({ id: "p-new", organisation: QATAR, language: body.language, title: body.title }), 201);
      },
    });
    renderPage(<EventFollowupSection event={buildEvent()} />, { locale: "ar", user: QATARI_MEMBER });
    fireEvent.click(await screen.findByRole("button", { name: "تقديم مقترح" }));
    expect((screen.getByLabelText("العربية") as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "تقديم المقترح" }));
    expect(await screen.findByText(/حقل «العنوان» مطلوب/)).toBeTruthy();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === "POST")).toBe(false);

    fireEvent.change(screen.getByLabelText(/^العنوان/, { selector: "input" }), { target: { value: "مكتب موحد للحجاج التائهين في منى" } });
    fireEvent.change(screen.getByLabelText(/^المشكلة/), { target: { value: "يبحث كل مكتب عن حجاجه التائهين وحده." } });
    fireEvent.change(screen.getByLabelText(/^المقترح/, { selector: "textarea" }), { target: { value: "تشغيل مكتب مشترك طوال أيام منى." } });
    fireEvent.change(screen.getByLabelText(/^الفائدة المتوقعة/), { target: { value: "العثور على التائهين أسرع." } });
    fireEvent.click(screen.getByRole("button", { name: "تقديم المقترح" }));
    expect(await screen.findByText("قُدِّم المقترح.")).toBeTruthy();
    expect(bodyOf(fetchMock, "POST", "/api/events/e-gcc/proposals")).toEqual({
      language: "ar",
      title: "مكتب موحد للحجاج التائهين في منى",
      problem: "يبحث كل مكتب عن حجاجه التائهين وحده.",
      proposal: "تشغيل مكتب مشترك طوال أيام منى.",
      benefit: "العثور على التائهين أسرع.",
    });
    expect(screen.getByRole("heading", { name: "مكتب موحد للحجاج التائهين في منى" })).toBeTruthy();
  });

  it("co-sponsors a proposal for the user's organisation", async () => {
    const fetchMock = mockSection({
      "GET /api/events/e-gcc/proposals": () => jsonResponse(proposals([buildProposal({ abilities: { edit: false, withdraw: false, sponsor: true, unsponsor: false, comment: true, decide: false } })])),
      "PUT /api/proposals/p-1/sponsorship": () =>
        jsonResponse(buildProposal({ sponsors: [{ organisation: QATAR, createdAt: "2025-06-02T18:00:00.000Z" }], abilities: { edit: false, withdraw: false, sponsor: false, unsponsor: true, comment: true, decide: false } })),
    });
    renderPage(<EventFollowupSection event={buildEvent()} />, { locale: "en", user: QATARI_MEMBER });
    const card = (await screen.findByRole("heading", { name: "A shared lost-pilgrims desk in Mina" })).closest("li")!;
    expect(within(card).getByText("No co-sponsor yet")).toBeTruthy();
    fireEvent.click(within(card).getByRole("button", { name: "Co-sponsor" }));
    expect(await within(card).findByText("Qatari Hajj Mission")).toBeTruthy();
    expect(within(card).getByRole("button", { name: "Withdraw co-sponsorship" })).toBeTruthy();
    expect(fetchMock.mock.calls.some(([url, init]) => String(url) === "/api/proposals/p-1/sponsorship" && init?.method === "PUT")).toBe(true);
  });

  it("records the host's decision: adopted, with a link to the recommendation it created", async () => {
    const fetchMock = mockSection({
      "GET /api/events/e-gcc/proposals": () =>
        jsonResponse(proposals([buildProposal({ abilities: { edit: false, withdraw: false, sponsor: false, unsponsor: false, comment: true, decide: true } })], { submit: true, decide: true })),
      "POST /api/proposals/p-1/decision": () =>
        jsonResponse(
          buildProposal({
            status: "adopted",
            recommendationId: "r-9",
            decision: { reference: "GCC-1446/7", note: null, decidedAt: "2025-06-02T19:00:00.000Z", decidedBy: { id: "u-kw", name: "Mishari" } },
          }),
        ),
    });
    renderPage(<EventFollowupSection event={HOSTED} />, { locale: "en", user: KUWAITI_ADMIN });
    fireEvent.click(await screen.findByRole("button", { name: "Record the decision" }));
    const dialog = await openDialog();
    expect((within(dialog).getByLabelText("Adopted") as HTMLInputElement).checked).toBe(true);
    // The reference is required.
    fireEvent.click(within(dialog).getByRole("button", { name: "Record the decision" }));
    expect(await within(dialog).findByText(/Decision reference is required/)).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/^Decision reference/), { target: { value: "GCC-1446/7" } });
    fireEvent.change(within(dialog).getByLabelText("Day"), { target: { value: "1/9/2025" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Record the decision" }));

    const link = await screen.findByRole("link", { name: "View the recommendation" });
    expect(link.getAttribute("href")).toBe("/recommendations/r-9");
    expect(bodyOf(fetchMock, "POST", "/api/proposals/p-1/decision")).toEqual({ outcome: "adopted", reference: "GCC-1446/7", dueOn: "2025-09-01" });
    expect(screen.getByText("The proposal was adopted and a recommendation created.")).toBeTruthy();
    await waitFor(() => expect(screen.queryAllByRole("dialog", { hidden: true }).some((d) => d.hasAttribute("open"))).toBe(false));
  });
});

describe("EventFollowupSection — open items from the previous edition", () => {
  it("lists what the 1445 meeting left open and carries a deferred proposal over", async () => {
    let carried = false;
    const openItems = (): OpenItems => ({
      previous: [{ id: "e-gcc-1445", titleAr: "اجتماع ١٤٤٥", titleEn: "GCC meeting 1445", startsAt: "2024-06-12T17:00:00.000Z", season: { id: "s-1445", code: "1445" } }],
      recommendations: [buildSummary({ id: "r-old", reference: "GCC-1445/2", status: "in_progress", overdue: true, daysOverdue: 30 })],
      proposals: [
        {
          id: "p-old",
          title: "Joint training of guides",
          language: "en",
          status: "deferred",
          organisation: QATAR,
          event: { id: "e-gcc-1445", titleAr: "اجتماع ١٤٤٥", titleEn: "GCC meeting 1445", startsAt: "2024-06-12T17:00:00.000Z" },
          sponsors: 2,
          carriedToProposalId: carried ? "p-carried" : null,
        },
      ],
      abilities: { carryOver: true },
    });
    const fetchMock = mockSection({
      "GET /api/events/e-gcc/open-items": () => jsonResponse(openItems()),
      "POST /api/proposals/p-old/carry-over": () => {
        carried = true;
        return jsonResponse(buildProposal({ id: "p-carried", title: "Joint training of guides", organisation: QATAR, carriedFrom: { id: "p-old", eventId: "e-gcc-1445", eventTitleAr: "اجتماع ١٤٤٥", eventTitleEn: "GCC meeting 1445" } }), 201);
      },
    });
    renderPage(<EventFollowupSection event={{ ...HOSTED, previousEventId: "e-gcc-1445" }} />, { locale: "en", user: KUWAITI_ADMIN });

    const section = await screen.findByRole("region", { name: "Open items from the previous edition" });
    expect(within(section).getByRole("link", { name: "GCC meeting 1445" }).getAttribute("href")).toBe("/events/e-gcc-1445?tab=followup");
    expect(within(section).getByText("1 recommendation still open")).toBeTruthy();
    expect(within(section).getByText("Overdue by 30 days")).toBeTruthy();
    expect(within(section).getByText(/2 co-sponsors/)).toBeTruthy();

    fireEvent.click(within(section).getByRole("button", { name: "Carry “Joint training of guides” over to this meeting" }));
    expect(await within(section).findByText("“Joint training of guides” has been carried over to this meeting’s proposals.")).toBeTruthy();
    expect(bodyOf(fetchMock, "POST", "/api/proposals/p-old/carry-over")).toEqual({ eventId: "e-gcc" });
    expect(await within(section).findByText("Carried over")).toBeTruthy();
    const proposalsCard = screen.getByRole("region", { name: "Proposals" });
    expect(within(proposalsCard).getByRole("heading", { name: "Joint training of guides" })).toBeTruthy();
    expect(within(proposalsCard).getByText("Carried over from")).toBeTruthy();
  });
});
