import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildMe, jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { invalidateDirectoryCache } from "../directory/useDirectoryData.js";
import { invalidateSeasons } from "../events/useEventsData.js";
import { EntryFormPage } from "./EntryFormPage.js";
import { buildEntry, GCC_GROUP, KUWAIT_OFFICE } from "./fixtures.js";

const KUWAITI_ADMIN = buildMe({ role: "org_admin", name: "مشاري الرشيدان", organisation: { ...KUWAIT_OFFICE, kind: "hajj_mission" } });
const SEASONS = {
  items: [{ id: "s-1446", code: "1446", hijriYear: 1446, nameAr: "موسم حج ١٤٤٦ هـ", nameEn: "Hajj season 1446 AH", startsOn: "2024-07-07", endsOn: "2025-06-25", eventCount: 1, abilities: { update: false } }],
  abilities: { create: false },
};

function mockForm(extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    "GET /api/seasons": () => jsonResponse(SEASONS),
    "GET /api/organisations/hajj-kw": () => jsonResponse({ ...KUWAIT_OFFICE, kind: "hajj_mission", groups: [GCC_GROUP] }),
    "GET /api/events": () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 20 }),
    "GET /api/library/tags": () => jsonResponse({ items: [{ tag: "الأمتعة", count: 4 }, { tag: "الحافلات", count: 2 }] }),
    ...extra,
  });
}

function bodyOf(fetchMock: ReturnType<typeof mockFetch>, method: string, index = 0): Record<string, unknown> | undefined {
  const calls = fetchMock.mock.calls.filter(([, init]) => init?.method === method);
  return calls[index] ? JSON.parse(String(calls[index]![1]!.body)) : undefined;
}

/** Type into a rich-text field as a user would (the editor reads its content on input). */
function typeRich(name: string, html: string) {
  const editor = screen.getByRole("textbox", { name });
  editor.innerHTML = html;
  fireEvent.input(editor);
  return editor;
}

afterEach(() => {
  vi.unstubAllGlobals();
  invalidateSeasons();
  invalidateDirectoryCache();
});

describe("EntryFormPage", () => {
  it("creates an Arabic-only practice shared with the GCC group: the main language's text goes as title/body and as titleAr/bodyAr", async () => {
    const fetchMock = mockForm({ "POST /api/library/entries": () => jsonResponse(buildEntry({ id: "le-new" }), 201) });
    renderPage(<EntryFormPage />, { route: "/library/new", path: "/library/new", locale: "ar", user: KUWAITI_ADMIN });

    expect(await screen.findByRole("heading", { level: 1, name: "مادة جديدة في المكتبة" })).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^المجال/), { target: { value: "transport" } });
    const title = screen.getByLabelText("العنوان بالعربية");
    expect(title.getAttribute("dir")).toBe("rtl");
    fireEvent.change(title, { target: { value: "تجميع أمتعة الحجاج حسب ألوان المخيمات" } });
    const editor = typeRich("النص بالعربية", "نجمع الأمتعة حسب لون المخيم وننقلها بالحافلات.");
    expect(editor.getAttribute("dir")).toBe("rtl");
    expect(screen.getByRole("textbox", { name: "النص بالإنجليزية" }).getAttribute("dir")).toBe("ltr");
    // Only one language is written: no question about the main language.
    expect(screen.queryByRole("group", { name: /اللغة الأساسية/ })).toBeNull();

    const tags = screen.getByLabelText("الوسوم");
    fireEvent.change(tags, { target: { value: "الأمتعة" } });
    fireEvent.keyDown(tags, { key: "Enter" });
    fireEvent.change(tags, { target: { value: "الحافلات،" } });
    expect(screen.getByRole("button", { name: "إزالة الوسم الأمتعة" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "إزالة الوسم الحافلات" })).toBeTruthy();

    fireEvent.click(screen.getByLabelText("مجموعة تنتمي إليها جهتي"));
    const group = (await screen.findByLabelText(/^المجموعة/)) as HTMLSelectElement;
    await waitFor(() => expect(group.options).toHaveLength(2));
    fireEvent.change(group, { target: { value: "gcc-hajj-offices" } });

    fireEvent.click(screen.getByRole("button", { name: "حفظ المادة" }));
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/library/le-new"));
    expect(bodyOf(fetchMock, "POST")).toEqual({
      language: "ar",
      title: "تجميع أمتعة الحجاج حسب ألوان المخيمات",
      body: '<p dir="auto">نجمع الأمتعة حسب لون المخيم وننقلها بالحافلات.</p>',
      titleAr: "تجميع أمتعة الحجاج حسب ألوان المخيمات",
      bodyAr: '<p dir="auto">نجمع الأمتعة حسب لون المخيم وننقلها بالحافلات.</p>',
      kind: "practice",
      category: "transport",
      tags: ["الأمتعة", "الحافلات"],
      scope: "group",
      groupCode: "gcc-hajj-offices",
    });
  });

  it("sends both languages, with the chosen main language as title/body", async () => {
    const fetchMock = mockForm({ "POST /api/library/entries": () => jsonResponse(buildEntry({ id: "le-new" }), 201) });
    renderPage(<EntryFormPage />, { route: "/library/new", path: "/library/new", locale: "en", user: KUWAITI_ADMIN });

    fireEvent.change(await screen.findByLabelText("Title in Arabic"), { target: { value: "أساور ملونة لكبار السن" } });
    typeRich("Text in Arabic", "لكل مخيم لون.");
    fireEvent.change(screen.getByLabelText("Title in English"), { target: { value: "Colour wristbands for the elderly" } });
    typeRich("Text in English", "Each camp has a colour.");
    // Both are written: the main language is asked, starting with the interface's.
    expect((screen.getByLabelText("English") as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText("Arabic"));
    fireEvent.click(screen.getByLabelText("Public"));
    fireEvent.click(screen.getByRole("button", { name: "Save the entry" }));

    await waitFor(() => expect(bodyOf(fetchMock, "POST")).toBeDefined());
    expect(bodyOf(fetchMock, "POST")).toMatchObject({
      language: "ar",
      title: "أساور ملونة لكبار السن",
      body: '<p dir="auto">لكل مخيم لون.</p>',
      titleAr: "أساور ملونة لكبار السن",
      bodyAr: '<p dir="auto">لكل مخيم لون.</p>',
      titleEn: "Colour wristbands for the elderly",
      bodyEn: '<p dir="auto">Each camp has a colour.</p>',
      scope: "public",
    });
    expect(bodyOf(fetchMock, "POST")).not.toHaveProperty("groupCode");
  });

  it("refuses a language without its text before sending, and shows the server's messages beside the right fields", async () => {
    const fetchMock = mockForm({
      "POST /api/library/entries": () =>
        jsonResponse(
          {
            code: "VALIDATION_FAILED",
            message: "Some fields need attention.",
            fields: [
              { field: "title", message: "The title is too long." },
              { field: "/tags/3", message: "A tag is too long." },
              { field: "groupCode", message: "Choose a group your organisation belongs to." },
            ],
          },
          400,
        ),
    });
    renderPage(<EntryFormPage />, { route: "/library/new", path: "/library/new", locale: "en", user: KUWAITI_ADMIN });

    fireEvent.click(await screen.findByRole("button", { name: "Save the entry" }));
    expect(await screen.findByText("Write the title and the text in Arabic, in English, or in both.")).toBeTruthy();
    const titleAr = screen.getByLabelText("Title in Arabic");
    fireEvent.change(titleAr, { target: { value: "تجميع الأمتعة" } });
    fireEvent.click(screen.getByRole("button", { name: "Save the entry" }));
    expect(await screen.findByText("Add the text in this language, or clear its title.")).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Text in Arabic" }).getAttribute("aria-invalid")).toBe("true");
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === "POST")).toBe(false);

    typeRich("Text in Arabic", "نص.");
    fireEvent.click(screen.getByLabelText("A group my organisation belongs to"));
    const group = (await screen.findByLabelText(/^Group/)) as HTMLSelectElement;
    await waitFor(() => expect(group.options).toHaveLength(2));
    fireEvent.change(group, { target: { value: "gcc-hajj-offices" } });
    fireEvent.click(screen.getByRole("button", { name: "Save the entry" }));

    // "title" is the main language's title: here the Arabic one.
    await waitFor(() => expect(titleAr.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById("entry-titleAr-error")?.textContent).toContain("The title is too long.");
    expect(document.getElementById("entry-tags-error")?.textContent).toContain("A tag is too long.");
    expect(document.getElementById("entry-groupCode-error")?.textContent).toContain("Choose a group your organisation belongs to.");
    expect((titleAr as HTMLInputElement).value).toBe("تجميع الأمتعة");
  });

  it("keeps the typed text on a conflict (409), shows the saved version, and saves over it with its version", async () => {
    const mine = buildEntry({ abilities: { update: true, comment: true }, version: 2 });
    const theirs = buildEntry({
      abilities: { update: true, comment: true },
      version: 3,
      titleAr: "تجميع الأمتعة حسب ألوان المخيمات (محدّث)",
      bodyAr: '<p dir="auto">نص أضافه زميل.</p>',
      updatedBy: { id: "u-2", name: "زميل من المكتب" },
    });
    let gets = 0;
    const fetchMock = mockForm({
      "GET /api/library/entries/le-1": () => jsonResponse(gets++ === 0 ? mine : theirs),
      "PATCH /api/library/entries/le-1": (_url, init) => {
        const body = JSON.parse(String(init.body));
        if (body.version !== 3) return jsonResponse({ code: "LIBRARY_ENTRY_CONFLICT", message: "Someone else saved this entry." }, 409);
        return jsonResponse({ ...theirs, version: 4, titleAr: body.titleAr });
      },
    });
    renderPage(<EntryFormPage />, { route: "/library/le-1/edit", path: "/library/:id/edit", locale: "ar", user: KUWAITI_ADMIN });

    const title = (await screen.findByLabelText("العنوان بالعربية")) as HTMLInputElement;
    expect(title.value).toBe("تجميع أمتعة الحجاج حسب ألوان المخيمات");
    fireEvent.change(title, { target: { value: "تجميع أمتعة الحجاج حسب ألوان المخيمات وأرقامها" } });
    fireEvent.click(screen.getByRole("button", { name: "حفظ التغييرات" }));

    const conflict = await screen.findByRole("region", { name: "حفظ شخص آخر هذه المادة في أثناء تحريرك" });
    expect(within(conflict).getByText("نص أضافه زميل.")).toBeTruthy();
    expect(within(conflict).getByText(/زميل من المكتب/)).toBeTruthy();
    expect(title.value).toBe("تجميع أمتعة الحجاج حسب ألوان المخيمات وأرقامها");
    expect(bodyOf(fetchMock, "PATCH", 0)).toMatchObject({ version: 2, language: "ar", title: "تجميع أمتعة الحجاج حسب ألوان المخيمات وأرقامها", titleEn: null, bodyEn: null });

    fireEvent.click(within(conflict).getByRole("button", { name: "احفظ نسختي فوقها" }));
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/library/le-1"));
    expect(bodyOf(fetchMock, "PATCH", 1)).toMatchObject({ version: 3, titleAr: "تجميع أمتعة الحجاج حسب ألوان المخيمات وأرقامها" });
  });

  it("loads the saved version on request, replacing the form", async () => {
    const mine = buildEntry({ abilities: { update: true, comment: true }, version: 2 });
    const theirs = buildEntry({ abilities: { update: true, comment: true }, version: 3, titleAr: "عنوان الزميل" });
    let gets = 0;
    mockForm({
      "GET /api/library/entries/le-1": () => jsonResponse(gets++ === 0 ? mine : theirs),
      "PATCH /api/library/entries/le-1": () => jsonResponse({ code: "LIBRARY_ENTRY_CONFLICT", message: "" }, 409),
    });
    renderPage(<EntryFormPage />, { route: "/library/le-1/edit", path: "/library/:id/edit", locale: "en", user: KUWAITI_ADMIN });
    const title = (await screen.findByLabelText("Title in Arabic")) as HTMLInputElement;
    fireEvent.change(title, { target: { value: "عنواني" } });
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    fireEvent.click(await screen.findByRole("button", { name: "Discard mine and load the saved version" }));
    const dialog = await screen.findByRole("dialog", { name: "Replace your text with the saved version?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Discard mine and load the saved version" }));
    await waitFor(() => expect(title.value).toBe("عنوان الزميل"));
    expect(screen.queryByRole("region", { name: "Someone saved this entry while you were editing" })).toBeNull();
  });

  it("is refused to those who may not edit the entry", async () => {
    mockForm({ "GET /api/library/entries/le-1": () => jsonResponse(buildEntry()) });
    renderPage(<EntryFormPage />, { route: "/library/le-1/edit", path: "/library/:id/edit", locale: "en", user: KUWAITI_ADMIN });
    expect(await screen.findByRole("heading", { name: "Access not permitted" })).toBeTruthy();
  });
});
