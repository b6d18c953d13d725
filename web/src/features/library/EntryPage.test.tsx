import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { invalidateDirectoryCache } from "../directory/useDirectoryData.js";
import { EntryPage } from "./EntryPage.js";
import { buildComment, buildEntry, COUNTRIES, KUWAIT_OFFICE } from "./fixtures.js";
import type { Entry, EntryComment } from "./types.js";

function mockEntry(entry: Entry, comments: EntryComment[] = [], extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    "GET /api/library/entries/le-1": () => jsonResponse(entry),
    "GET /api/library/entries/le-1/comments": () => jsonResponse({ items: comments }),
    "GET /api/countries": () => jsonResponse(COUNTRIES),
    ...extra,
  });
}

const calls = (fetchMock: ReturnType<typeof mockFetch>, method: string, path: string) =>
  fetchMock.mock.calls.filter(([u, init]) => (init?.method ?? "GET") === method && new URL(String(u), "http://localhost").pathname === path);

afterEach(() => {
  vi.unstubAllGlobals();
  invalidateDirectoryCache();
});

describe("EntryPage", () => {
  it("shows the entry in Arabic with its metadata, and marks and unmarks it as useful", async () => {
    const fetchMock = mockEntry(buildEntry({ event: { id: "e-gcc", titleAr: "الاجتماع السنوي لمكاتب شؤون الحجاج", titleEn: "Annual meeting of the GCC offices", startsAt: "2025-06-02T17:00:00.000Z" } }), [], {
      "PUT /api/library/entries/le-1/useful": () => jsonResponse({ usefulCount: 4, markedUseful: true }),
      "DELETE /api/library/entries/le-1/useful": () => jsonResponse({ usefulCount: 3, markedUseful: false }),
    });
    renderPage(<EntryPage />, { route: "/library/le-1", path: "/library/:id", locale: "ar" });

    expect(await screen.findByRole("heading", { level: 1, name: "تجميع أمتعة الحجاج حسب ألوان المخيمات" })).toBeTruthy();
    const body = screen.getByText("بالحافلات").closest(".library-body")!;
    expect(body.getAttribute("dir")).toBe("rtl");
    expect(body.getAttribute("lang")).toBe("ar");
    // Only Arabic: no language switch.
    expect(screen.queryByRole("button", { name: "اقرأ بالإنجليزية" })).toBeNull();

    const about = screen.getByRole("region", { name: "عن هذه المادة" });
    expect(within(about).getByText("ممارسة جيدة")).toBeTruthy();
    expect(within(about).getByRole("link", { name: "النقل" }).getAttribute("href")).toBe("/library?category=transport");
    expect(within(about).getByRole("link", { name: "الأمتعة" })).toBeTruthy();
    await waitFor(() => expect(within(about).getByText("مكتب شؤون الحجاج الكويتي (دولة الكويت)")).toBeTruthy());
    expect(within(about).getByText("موسم حج ١٤٤٦ هـ")).toBeTruthy();
    expect(within(about).getByRole("link", { name: "الاجتماع السنوي لمكاتب شؤون الحجاج" }).getAttribute("href")).toBe("/events/e-gcc");
    expect(within(about).getByText("مكاتب شؤون الحجاج بدول مجلس التعاون")).toBeTruthy();
    expect(within(about).getByText(/بواسطة مشاري الرشيدان في/)).toBeTruthy();
    expect(within(about).getByText("٢")).toBeTruthy();

    // Reading only: no edit, no withdraw, no files section.
    expect(screen.queryByRole("link", { name: "تعديل" })).toBeNull();
    expect(screen.queryByRole("button", { name: "سحب المادة" })).toBeNull();
    expect(screen.queryByRole("region", { name: "الملفات المرفقة" })).toBeNull();

    const useful = screen.getByRole("button", { name: "مفيدة" });
    expect(useful.getAttribute("aria-pressed")).toBe("false");
    expect(screen.getByText("مفيدة لـ٣ أشخاص")).toBeTruthy();
    fireEvent.click(useful);
    await waitFor(() => expect(useful.getAttribute("aria-pressed")).toBe("true"));
    expect(screen.getByText("مفيدة لـ٤ أشخاص")).toBeTruthy();
    expect(screen.getByText("أشرت إلى أن هذه المادة مفيدة.")).toBeTruthy();
    fireEvent.click(useful);
    await waitFor(() => expect(useful.getAttribute("aria-pressed")).toBe("false"));
    expect(calls(fetchMock, "PUT", "/api/library/entries/le-1/useful")).toHaveLength(1);
    expect(calls(fetchMock, "DELETE", "/api/library/entries/le-1/useful")).toHaveLength(1);
  });

  it("switches to the other language when the entry has both", async () => {
    mockEntry(buildEntry({ titleEn: "Grouping luggage by camp colour", bodyEn: '<p dir="auto">We group the luggage by the colour of the camp.</p>', title: "Grouping luggage by camp colour" }));
    renderPage(<EntryPage />, { route: "/library/le-1", path: "/library/:id", locale: "en" });
    expect(await screen.findByRole("heading", { level: 1, name: "Grouping luggage by camp colour" })).toBeTruthy();
    expect(screen.getByText("We group the luggage by the colour of the camp.").closest(".library-body")!.getAttribute("dir")).toBe("ltr");
    fireEvent.click(screen.getByRole("button", { name: "Read in Arabic" }));
    expect(await screen.findByRole("heading", { level: 1, name: "تجميع أمتعة الحجاج حسب ألوان المخيمات" })).toBeTruthy();
    expect(screen.getByText("بالحافلات").closest(".library-body")!.getAttribute("dir")).toBe("rtl");
    expect(screen.getByRole("button", { name: "Read in English" })).toBeTruthy();
  });

  it("shows the thread with replies and removed comments, and posts a question", async () => {
    const comments = [
      buildComment(),
      buildComment({ id: "c-2", parentId: "c-1", kind: "comment", body: "خمس حافلات لكل مخيم.", author: { id: "u-kw", name: "مشاري الرشيدان" }, organisation: KUWAIT_OFFICE }),
      buildComment({ id: "c-3", kind: "comment", body: "", deleted: true }),
    ];
    const fetchMock = mockEntry(buildEntry(), comments, {
      "POST /api/library/entries/le-1/comments": (_url, init) => {
        const body = JSON.parse(String(init.body));
        return jsonResponse(buildComment({ id: "c-4", kind: body.kind ?? "comment", body: body.body, parentId: body.parentId ?? null, author: { id: "u-1", name: "منسّق الأمانة" } }), 201);
      },
    });
    renderPage(<EntryPage />, { route: "/library/le-1", path: "/library/:id", locale: "ar" });

    const section = await screen.findByRole("region", { name: "أسئلة وتعليقات" });
    const question = await within(section).findByRole("article", { name: "محمد النعيمي" });
    expect(within(question).getByText("سؤال")).toBeTruthy();
    expect(within(question).getByText("كم حافلة تحتاجون لكل مخيم؟").getAttribute("dir")).toBe("auto");
    await waitFor(() => expect(within(question).getByText("بعثة الحج القطرية (دولة قطر)")).toBeTruthy());
    const replies = within(section).getByRole("list", { name: "الردود" });
    expect(within(replies).getByText("خمس حافلات لكل مخيم.")).toBeTruthy();
    expect(within(section).getByText("حُذف التعليق")).toBeTruthy();
    // Nobody here may delete these.
    expect(within(section).queryByRole("button", { name: /^حذف/ })).toBeNull();

    fireEvent.click(within(section).getByLabelText("سؤال"));
    fireEvent.change(within(section).getByLabelText("سؤالك أو تعليقك"), { target: { value: "هل تُستخدم الألوان نفسها في عرفات؟" } });
    fireEvent.click(within(section).getByRole("button", { name: "نشر" }));
    // (The textarea holds the same text until the answer comes: look for the posted message itself.)
    expect(await screen.findByText("نُشرت مشاركتك.")).toBeTruthy();
    const posted = within(section).getByRole("article", { name: "منسّق الأمانة" });
    expect(within(posted).getByText("هل تُستخدم الألوان نفسها في عرفات؟")).toBeTruthy();
    expect(within(posted).getByText("سؤال")).toBeTruthy();
    expect(JSON.parse(String(calls(fetchMock, "POST", "/api/library/entries/le-1/comments")[0]![1]!.body))).toEqual({ body: "هل تُستخدم الألوان نفسها في عرفات؟", kind: "question" });

    // A reply goes under its comment, one level down.
    fireEvent.click(within(section).getByRole("button", { name: "الرد على محمد النعيمي" }));
    fireEvent.change(within(section).getByLabelText("ردّك"), { target: { value: "شكرًا على السؤال." } });
    fireEvent.click(within(section).getByRole("button", { name: "نشر الرد" }));
    await waitFor(() => expect(within(replies).getByText("شكرًا على السؤال.")).toBeTruthy());
    expect(JSON.parse(String(calls(fetchMock, "POST", "/api/library/entries/le-1/comments")[1]![1]!.body))).toEqual({ body: "شكرًا على السؤال.", parentId: "c-1" });
  });

  it("gives edit, withdraw, files and comment deletion only where the abilities allow", async () => {
    const fetchMock = mockEntry(
      buildEntry({ abilities: { update: true, comment: true }, attachments: [{ id: "a-1", fileName: "خريطة المخيمات.pdf", contentType: "application/pdf", size: 2048, createdAt: "2025-06-02T16:00:00.000Z", uploadedBy: "مشاري الرشيدان" }] }),
      [buildComment({ abilities: { delete: true } })],
      {
        "DELETE /api/library/entries/le-1/comments/c-1": () => jsonResponse(null, 204),
        "DELETE /api/library/entries/le-1": () => jsonResponse(null, 204),
        "GET /api/library/entries": () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 12 }),
      },
    );
    renderPage(<EntryPage />, { route: "/library/le-1", path: "/library/:id", locale: "en" });

    expect((await screen.findByRole("link", { name: "Edit" })).getAttribute("href")).toBe("/library/le-1/edit");
    const files = screen.getByRole("region", { name: "Attached files" });
    expect(within(files).getByRole("link", { name: "خريطة المخيمات.pdf" }).getAttribute("href")).toBe("/api/library/entries/le-1/attachments/a-1");
    expect(within(files).getByLabelText("Attach a file")).toBeTruthy();

    const section = screen.getByRole("region", { name: "Questions and comments" });
    fireEvent.click(await within(section).findByRole("button", { name: "Delete the message of محمد النعيمي" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete this message?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Delete" }));
    expect(await within(section).findByText("Comment removed")).toBeTruthy();
    expect(calls(fetchMock, "DELETE", "/api/library/entries/le-1/comments/c-1")).toHaveLength(1);

    fireEvent.click(screen.getByRole("button", { name: "Withdraw" }));
    const withdraw = await screen.findByRole("dialog", { name: "Withdraw “تجميع أمتعة الحجاج حسب ألوان المخيمات”?" });
    fireEvent.click(within(withdraw).getByRole("button", { name: "Withdraw" }));
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/library"));
    expect(calls(fetchMock, "DELETE", "/api/library/entries/le-1")).toHaveLength(1);
  });

  it("lists the versions and opens an old one", async () => {
    mockEntry(buildEntry(), [], {
      "GET /api/library/entries/le-1/versions": () =>
        jsonResponse({
          items: [
            { version: 2, editedAt: "2025-06-02T16:00:00.000Z", editedBy: { id: "u-kw", name: "مشاري الرشيدان" }, titleAr: "تجميع أمتعة الحجاج حسب ألوان المخيمات", titleEn: null },
            { version: 1, editedAt: "2025-06-01T08:00:00.000Z", editedBy: { id: "u-kw", name: "مشاري الرشيدان" }, titleAr: "تجميع الأمتعة", titleEn: null },
          ],
        }),
      "GET /api/library/entries/le-1/versions/1": () =>
        jsonResponse({ version: 1, titleAr: "تجميع الأمتعة", titleEn: null, bodyAr: '<p dir="auto">المسودة الأولى.</p>', bodyEn: null, kind: "practice", category: "transport", tags: [] }),
    });
    renderPage(<EntryPage />, { route: "/library/le-1", path: "/library/:id", locale: "en" });
    fireEvent.click(await screen.findByRole("button", { name: "Show the version history" }));
    fireEvent.click(await screen.findByRole("button", { name: "View version 1" }));
    expect(await screen.findByText("المسودة الأولى.")).toBeTruthy();
    expect(screen.getByText("current")).toBeTruthy();
  });
});
