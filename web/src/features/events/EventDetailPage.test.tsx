import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Person } from "../../api/types.js";
import { buildMe, jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { invalidateDirectoryCache } from "../directory/useDirectoryData.js";
import { EventDetailPage } from "./EventDetailPage.js";
import { buildEvent, buildWorkshop } from "./fixtures.js";
import type { ParticipationList } from "./types.js";

const QATAR = { id: "o-qa", code: "hajj-qa", nameAr: "بعثة الحج القطرية", nameEn: "Qatari Hajj Mission", kind: "hajj_mission" as const };

function person(id: string, nameAr: string, nameEn: string, position: Person["position"], titleEn: string | null = null): Person {
  return {
    id,
    organisation: QATAR,
    nameAr,
    nameEn,
    position,
    titleAr: null,
    titleEn,
    email: null,
    phone: null,
    preferredLanguage: "ar",
    visibility: "members",
    shareGroup: null,
    archivedAt: null,
    createdAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-01T00:00:00.000Z",
  };
}

const QATARI_PEOPLE = [
  person("p-head", "رئيس البعثة القطرية", "Head of the Qatari mission", "head"),
  person("p-deputy", "نائب رئيس البعثة القطرية", "Deputy head of the Qatari mission", "deputy_head", "Deputy head"),
  person("p-off1", "مسؤول أول", "First official", "official"),
  person("p-off2", "مسؤول ثان", "Second official", "official"),
];

function participation(delegation: ParticipationList["items"][number]["delegation"] = [], status = "invited"): ParticipationList {
  return {
    items: [
      {
        id: "i-qa",
        organisation: QATAR,
        country: "QA",
        status,
        quota: null,
        viaGroup: "gcc-hajj-offices",
        invitedAt: "2025-05-01T00:00:00.000Z",
        respondedAt: null,
        delegation,
        abilities: { nominate: true },
      },
    ],
    abilities: { invite: false },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  invalidateDirectoryCache();
});

/** The dialog on screen (closed ones stay in the page). */
async function openDialog(): Promise<HTMLElement> {
  return waitFor(() => {
    const open = screen.getAllByRole("dialog", { hidden: true }).find((d) => d.hasAttribute("open"));
    if (!open) throw new Error("no open dialog");
    return open;
  });
}

describe("EventDetailPage — registration for an open workshop", () => {
  it("registers, shows the confirmed place and the join link, then cancels", async () => {
    const workshop = buildWorkshop();
    const fetchMock = mockFetch({
      "GET /api/events/e-terhab": () => jsonResponse(workshop),
      "GET /api/events/e-terhab/agenda": () => jsonResponse({ items: [] }),
      "POST /api/events/e-terhab/registration": () =>
        jsonResponse({ ...workshop, confirmedCount: 2, joinUrl: "https://meet.example.org/terhab", myRegistration: { id: "r1", status: "confirmed", waitlistPosition: null } }),
      "DELETE /api/events/e-terhab/registration": () => jsonResponse({ ...workshop, myRegistration: null }),
    });
    renderPage(<EventDetailPage />, { route: "/events/e-terhab", path: "/events/:id", locale: "en" });

    expect(await screen.findByRole("heading", { level: 1, name: "Terhab workshop" })).toBeTruthy();
    expect(screen.getByText("The join link is shown to registered participants.")).toBeTruthy();
    expect(screen.getByText("1 seat left")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Register" }));

    expect(await screen.findByText("Your place is confirmed.")).toBeTruthy();
    expect(screen.getByText("No seats left")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Join the session" }).getAttribute("href")).toBe("https://meet.example.org/terhab");
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST")!;
    expect(String(post[0])).toBe("/api/events/e-terhab/registration");

    fireEvent.click(screen.getByRole("button", { name: "Cancel registration" }));
    expect(await screen.findByText("Your registration has been cancelled.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Register" })).toBeTruthy();
  });

  it("puts a late registration on the waitlist with its position, in Arabic", async () => {
    const full = buildWorkshop({ capacity: 2, confirmedCount: 2, waitlistCount: 2 });
    mockFetch({
      "GET /api/events/e-terhab": () => jsonResponse(full),
      "GET /api/events/e-terhab/agenda": () => jsonResponse({ items: [] }),
      "POST /api/events/e-terhab/registration": () => jsonResponse({ ...full, waitlistCount: 3, myRegistration: { id: "r9", status: "waitlisted", waitlistPosition: 3 } }),
    });
    renderPage(<EventDetailPage />, { route: "/events/e-terhab", path: "/events/:id", locale: "ar" });

    expect(await screen.findByText("لا توجد مقاعد متبقية")).toBeTruthy();
    expect(screen.getByText("اكتملت المقاعد: يُضاف المسجَّلون الجدد إلى قائمة الانتظار.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "التسجيل في الفعالية" }));
    expect(await screen.findByText("أنت في قائمة الانتظار، في المرتبة ٣.")).toBeTruthy();
    expect(screen.getByText("في قائمة الانتظار: ٣")).toBeTruthy();
    expect(screen.getByRole("button", { name: "إلغاء التسجيل" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "الانضمام إلى الجلسة" })).toBeNull();
  });
});

describe("EventDetailPage — the GCC meeting", () => {
  it("shows the date in both calendars with the time and zone, and the agenda with linked speakers and guests", async () => {
    mockFetch({
      "GET /api/events/e-gcc": () => jsonResponse(buildEvent({ chair: { id: "p-kw-head", nameAr: "رئيس البعثة الكويتية", nameEn: "Head of the Kuwaiti mission", titleAr: null, titleEn: null } })),
      "GET /api/events/e-gcc/agenda": () =>
        jsonResponse({
          items: [
            {
              id: "a1",
              position: 1,
              kind: "item",
              titleAr: "كلمة رئيس الاجتماع",
              titleEn: "Opening by the chair",
              descriptionAr: null,
              descriptionEn: null,
              startsAt: "2025-06-02T17:00:00.000Z",
              endsAt: "2025-06-02T17:15:00.000Z",
              startsLocal: "2025-06-02T20:00",
              endsLocal: "2025-06-02T20:15",
              speakers: [
                { role: "chair", person: { id: "p-kw-head", nameAr: "رئيس البعثة الكويتية", nameEn: "Head of the Kuwaiti mission", titleAr: null, titleEn: null, organisation: { id: "o-kw", code: "hajj-kw", nameAr: "مكتب شؤون الحجاج الكويتي", nameEn: "Kuwait Hajj Affairs Office", kind: "hajj_mission" } }, guestNameAr: null, guestNameEn: null, guestTitleAr: null, guestTitleEn: null },
                { role: "speaker", person: null, guestNameAr: "ضيف من الوزارة", guestNameEn: "Ministry guest", guestTitleAr: null, guestTitleEn: null },
              ],
            },
          ],
        }),
      "GET /api/events/e-gcc/invitations": () => jsonResponse({ items: [], abilities: { invite: false } }),
    });
    renderPage(<EventDetailPage />, { route: "/events/e-gcc", path: "/events/:id", locale: "en" });
    await screen.findByRole("heading", { level: 1, name: "Annual meeting of the GCC Hajj-affairs offices" });
    const when = document.querySelector("time.date-time")!;
    expect(when.textContent).toBe("6 Dhu al-Hijjah 1446 AH (2 June 2025), 8:00 PM");
    expect(screen.getByText(/Times are in Arabian Standard Time/)).toBeTruthy();
    const agenda = await screen.findByRole("region", { name: "Agenda" });
    expect(within(agenda).getByRole("link", { name: "Head of the Kuwaiti mission" }).getAttribute("href")).toBe("/directory/people/p-kw-head");
    expect(within(agenda).getByText(/Ministry guest/)).toBeTruthy();
    expect(within(agenda).queryByRole("link", { name: /Ministry guest/ })).toBeNull();
  });

  it("lets Qatar nominate its delegation (leader and members) and marks the head of delegation", async () => {
    const fetchMock = mockFetch({
      "GET /api/events/e-gcc": () => jsonResponse(buildEvent()),
      "GET /api/events/e-gcc/agenda": () => jsonResponse({ items: [] }),
      "GET /api/events/e-gcc/invitations": () => jsonResponse(participation()),
      "GET /api/people": (url) => {
        expect(url.searchParams.get("organisation")).toBe("hajj-qa");
        return jsonResponse({ items: QATARI_PEOPLE, total: 4, page: 1, pageSize: 100 });
      },
      "PUT /api/events/e-gcc/delegations/o-qa": () =>
        jsonResponse(
          participation(
            [
              { id: "p-deputy", nameAr: "نائب رئيس البعثة القطرية", nameEn: "Deputy head of the Qatari mission", titleAr: null, titleEn: "Deputy head", position: "deputy_head", isLeader: true },
              { id: "p-off1", nameAr: "مسؤول أول", nameEn: "First official", titleAr: null, titleEn: null, position: "official", isLeader: false },
              { id: "p-off2", nameAr: "مسؤول ثان", nameEn: "Second official", titleAr: null, titleEn: null, position: "official", isLeader: false },
            ],
            "accepted",
          ),
        ),
    });
    const qatari = buildMe({ role: "org_admin", organisation: QATAR });
    renderPage(<EventDetailPage />, { route: "/events/e-gcc", path: "/events/:id", locale: "ar", user: qatari });

    // Delegations are under the "Participants" tab.
    fireEvent.click(await screen.findByRole("link", { name: "المشاركون" }));
    const section = await screen.findByRole("region", { name: "الجهات المدعوة والوفود" });
    expect(await within(section).findByText("مدعوّة")).toBeTruthy();
    expect(within(section).getByText("لم يُسمَّ الوفد بعد.")).toBeTruthy();
    fireEvent.click(within(section).getByRole("button", { name: "تسمية الوفد" }));

    const leader = await screen.findByLabelText(/رئيس الوفد/);
    fireEvent.change(leader, { target: { value: "p-deputy" } });
    fireEvent.click(screen.getByLabelText("مسؤول أول"));
    fireEvent.click(screen.getByLabelText("مسؤول ثان"));
    fireEvent.click(screen.getByRole("button", { name: "حفظ الوفد" }));

    await waitFor(() => expect(fetchMock.mock.calls.some(([, init]) => init?.method === "PUT")).toBe(true));
    const put = fetchMock.mock.calls.find(([, init]) => init?.method === "PUT")!;
    expect(JSON.parse(String(put[1]!.body))).toEqual({ leaderId: "p-deputy", memberIds: ["p-off1", "p-off2"] });

    expect(await within(section).findByText("قبلت الدعوة")).toBeTruthy();
    const leaderItem = within(section).getByRole("link", { name: "نائب رئيس البعثة القطرية" }).closest("li")!;
    expect(within(leaderItem).getByText("رئيس الوفد")).toBeTruthy();
    expect(screen.getByText("حُفظ الوفد.")).toBeTruthy();
  });

  it("declines an invitation", async () => {
    const fetchMock = mockFetch({
      "GET /api/events/e-gcc": () => jsonResponse(buildEvent()),
      "GET /api/events/e-gcc/agenda": () => jsonResponse({ items: [] }),
      "GET /api/events/e-gcc/invitations": () => jsonResponse(participation()),
      "POST /api/events/e-gcc/invitations/o-qa/decline": () => jsonResponse(participation([], "declined")),
    });
    renderPage(<EventDetailPage />, { route: "/events/e-gcc?tab=participants", path: "/events/:id", locale: "en" });
    fireEvent.click(await screen.findByRole("button", { name: "Decline the invitation" }));
    // Asked first: nothing is sent before the confirmation.
    const dialog = await openDialog();
    expect(dialog.textContent).toContain("Decline the invitation on behalf of");
    expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith("/decline"))).toBe(false);
    fireEvent.click(within(dialog).getAllByRole("button", { hidden: true }).find((b) => b.textContent === "Decline the invitation")!);
    expect(await screen.findByText("Declined")).toBeTruthy();
    expect(fetchMock.mock.calls.some(([url, init]) => init?.method === "POST" && String(url).endsWith("/decline"))).toBe(true);
  });
});

describe("EventDetailPage — organising the invitations", () => {
  const HOSTED = buildEvent({ abilities: { update: true, register: false, viewRegistrations: true } });

  it("withdraws an invitation only after confirmation", async () => {
    const list = participation();
    list.abilities.invite = true;
    let withdrawn = false;
    mockFetch({
      "GET /api/events/e-gcc": () => jsonResponse(HOSTED),
      "GET /api/events/e-gcc/agenda": () => jsonResponse({ items: [] }),
      "GET /api/events/e-gcc/invitations": () => jsonResponse(list),
      "GET /api/groups": () => jsonResponse({ items: [] }),
      "GET /api/organisations": () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 100 }),
      "DELETE /api/events/e-gcc/invitations/o-qa": () => {
        withdrawn = true;
        return jsonResponse(null, 204);
      },
    });
    renderPage(<EventDetailPage />, { route: "/events/e-gcc?tab=participants", path: "/events/:id", locale: "en" });

    fireEvent.click(await screen.findByRole("button", { name: "Withdraw the invitation of Qatari Hajj Mission" }));
    const dialog = await openDialog();
    expect(dialog.textContent).toContain("Withdraw the invitation of Qatari Hajj Mission?");
    expect(dialog.textContent).toContain("the delegation it nominated is removed");
    expect(withdrawn).toBe(false);
    fireEvent.click(within(dialog).getAllByRole("button", { hidden: true }).find((b) => b.textContent === "Withdraw the invitation")!);

    expect(await screen.findByText("The invitation of Qatari Hajj Mission has been withdrawn.")).toBeTruthy();
    expect(withdrawn).toBe(true);
    expect(screen.queryByRole("link", { name: "Qatari Hajj Mission" })).toBeNull();
    expect(screen.getByText("No organisation has been invited yet.")).toBeTruthy();
  });

  it("invites an organisation with a seat quota in an open workshop", async () => {
    const workshop = buildWorkshop({ abilities: { update: true, register: false, viewRegistrations: true } });
    const fetchMock = mockFetch({
      "GET /api/events/e-terhab": () => jsonResponse(workshop),
      "GET /api/events/e-terhab/agenda": () => jsonResponse({ items: [] }),
      "GET /api/events/e-terhab/registrations": () => jsonResponse({ items: [], abilities: { manage: true } }),
      "GET /api/events/e-terhab/invitations": () => jsonResponse({ items: [], abilities: { invite: true } }),
      "GET /api/groups": () => jsonResponse({ items: [] }),
      "GET /api/organisations": () => jsonResponse({ items: [QATAR], total: 1, page: 1, pageSize: 100 }),
      "POST /api/events/e-terhab/invitations": () => jsonResponse({ ...participation(), items: participation().items.map((i) => ({ ...i, quota: 3 })), added: 1 }),
    });
    renderPage(<EventDetailPage />, { route: "/events/e-terhab?tab=participants", path: "/events/:id", locale: "ar" });

    const section = await screen.findByRole("region", { name: "الجهات المدعوة وحصص المقاعد" });
    fireEvent.click(await within(section).findByLabelText("جهة واحدة"));
    const select = within(section).getByLabelText(/^الجهة/) as HTMLSelectElement;
    await waitFor(() => expect(select.options.length).toBe(2));
    fireEvent.change(select, { target: { value: "o-qa" } });
    fireEvent.change(within(section).getByLabelText(/عدد المقاعد لكل جهة/), { target: { value: "3" } });
    fireEvent.click(within(section).getByRole("button", { name: "إرسال الدعوة" }));

    expect(await within(section).findByText("حتى ٣ مقاعد")).toBeTruthy();
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST")!;
    expect(JSON.parse(String(post[1]!.body))).toEqual({ organisationIds: ["o-qa"], quota: 3 });
  });
});

describe("EventDetailPage — the trainer of a programme the workshop delivers", () => {
  const list = (checkedInAt: string | null) => ({
    items: [{ key: "p:siti", nameAr: "سيتي رحمواتي", nameEn: "Siti Rahmawati", email: "siti@example.org", role: "trainee", organisation: QATAR, country: "QA", checkedInAt, source: checkedInAt ? "organiser" : null, minutes: null }],
    totals: { expected: 1, attended: checkedInAt ? 1 : 0 },
    byOrganisation: [{ organisation: QATAR, country: "QA", expected: 1, attended: checkedInAt ? 1 : 0 }],
    byCountry: [{ country: "QA", nameAr: "قطر", nameEn: "Qatar", organisations: checkedInAt ? 1 : 0, expected: 1, attended: checkedInAt ? 1 : 0 }],
  });

  it("sees the attendance tab and checks a trainee in, without being offered to edit the workshop", async () => {
    // The server says: may record attendance (manages a programme it delivers), may not edit it.
    const workshop = buildWorkshop({ abilities: { update: false, register: false, viewRegistrations: false, recordAttendance: true } });
    let checkedIn: string | null = null;
    const fetchMock = mockFetch({
      "GET /api/events/e-terhab": () => jsonResponse(workshop),
      "GET /api/events/e-terhab/agenda": () => jsonResponse({ items: [] }),
      "GET /api/events/e-terhab/attendance": () => jsonResponse(list(checkedIn)),
      "PUT /api/events/e-terhab/attendance/p%3Asiti": () => {
        checkedIn = "2024-05-26T08:05:00.000Z";
        return jsonResponse(null, 204);
      },
    });
    renderPage(<EventDetailPage />, { route: "/events/e-terhab?tab=attendance", path: "/events/:id", locale: "en" });

    expect(await screen.findByRole("link", { name: "Attendance" })).toBeTruthy();
    fireEvent.click(await screen.findByRole("button", { name: "Check in Siti Rahmawati" }));
    expect(await screen.findByRole("button", { name: "Undo the check-in of Siti Rahmawati" })).toBeTruthy();
    expect(fetchMock.mock.calls.some(([url, init]) => init?.method === "PUT" && String(url).endsWith("/attendance/p%3Asiti"))).toBe(true);
    expect(screen.queryByRole("link", { name: "Edit" })).toBeNull();
  });

  it("has no attendance tab for a reader who may not record it", async () => {
    mockFetch({
      "GET /api/events/e-terhab": () => jsonResponse(buildWorkshop()),
      "GET /api/events/e-terhab/agenda": () => jsonResponse({ items: [] }),
    });
    renderPage(<EventDetailPage />, { route: "/events/e-terhab?tab=attendance", path: "/events/:id", locale: "en" });
    expect(await screen.findByRole("heading", { level: 1, name: "Terhab workshop" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Attendance" })).toBeNull();
    expect(screen.queryByRole("heading", { name: "Attendance" })).toBeNull();
  });
});
