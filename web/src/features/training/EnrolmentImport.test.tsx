import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../../api/client.js";
import { buildMe, jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { EnrolmentsTab } from "./EnrolmentsTab.js";
import { buildProgramme } from "./ProgrammeFixtures.js";
import type { ImportResult } from "./useTraining.js";

const QATAR = { id: "o-qa", code: "hajj-qa", nameAr: "بعثة الحج القطرية", nameEn: "Qatari Hajj Mission" };

function previewResult(mode: "preview" | "commit"): ImportResult {
  return {
    mode,
    committed: mode === "commit",
    columns: { nameAr: "الاسم بالعربية", nameEn: "الاسم بالإنجليزية", email: "البريد الإلكتروني", organisation: "رمز الجهة", title: null, phone: null, language: null },
    rows: [
      { row: 2, nameAr: "حمد المري", nameEn: "Hamad Al-Marri", email: "hamad@hajj-qa.example", organisationCode: "hajj-qa", organisation: QATAR, title: "", phone: "", status: "new", errors: [], invitation: "send" },
      { row: 3, nameAr: "علي الكبيسي", nameEn: "Ali Al-Kubaisi", email: "ali@hajj-qa.example", organisationCode: "hajj-qa", organisation: QATAR, title: "", phone: "", status: "already", errors: [], invitation: null },
      { row: 4, nameAr: "", nameEn: "Nasser", email: "nasser@hajj-qa.example", organisationCode: "hajj-qa", organisation: QATAR, title: "", phone: "", status: "error", errors: [{ field: "nameAr", message: "حقل «الاسم بالعربية» مطلوب." }], invitation: null },
      { row: 5, nameAr: "فهد", nameEn: "Fahad", email: "fahad@hajj-kw.example", organisationCode: "hajj-kw", organisation: null, title: "", phone: "", status: "error", errors: [{ field: "organisation", message: "رمز الجهة: يمكنك تسجيل منسوبي جهتك فقط، لا منسوبي بعثة الحج الكويتية." }], invitation: null },
    ],
    counts: { rows: 4, newPeople: 1, existingPeople: 0, skipped: 1, errors: 2, enrolled: 1, invited: mode === "commit" ? 1 : 1 },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe("EnrolmentsTab — import from a file", () => {
  it("previews the file row by row, highlights the rows to correct, and imports only the valid ones when asked", async () => {
    const sent: Array<Record<string, string>> = [];
    const fetchMock = mockFetch({
      "GET /api/training/programmes/tp-asas/enrolments": () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 50, scope: "own", organisations: [] }),
      "GET /api/people": () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 20 }),
      "POST /api/training/programmes/tp-asas/enrolments/import": (_url, init) => {
        const form = init.body as FormData;
        const fields = { mode: String(form.get("mode")), validOnly: String(form.get("validOnly")), invite: String(form.get("invite")), file: (form.get("file") as File).name };
        sent.push(fields);
        return jsonResponse(previewResult(fields.mode as "preview" | "commit"));
      },
    });
    setCsrfToken("csrf-qatar");
    const onChanged = vi.fn();
    const programme = buildProgramme({ can: { manage: false, enrolOthers: true, selfEnrol: false, results: "own" } });
    renderPage(<EnrolmentsTab programme={programme} onChanged={onChanged} />, { locale: "ar", user: buildMe({ role: "org_admin" }) });
    expect(await screen.findByText("متدربو جهتك.")).toBeTruthy();

    const section = screen.getByRole("region", { name: "التسجيل من ملف" });
    fireEvent.click(within(section).getByRole("button", { name: "فحص الملف" }));
    expect(await within(section).findByText("حقل «الملف» مطلوب.")).toBeTruthy();

    const file = new File(["\ufeffالاسم بالعربية,الاسم بالإنجليزية\r\n"], "موظفو البعثة.csv", { type: "text/csv" });
    fireEvent.change(within(section).getByLabelText("الملف"), { target: { files: [file] } });
    fireEvent.click(within(section).getByRole("button", { name: "فحص الملف" }));
    const table = await within(section).findByRole("table", { name: "المعاينة" });
    expect(sent[0]).toEqual({ mode: "preview", validOnly: "false", invite: "true", file: "موظفو البعثة.csv" });
    expect(within(section).getByText("لم يُكتب شيء بعد. راجع الصفوف ثم أكّد أدناه.")).toBeTruthy();
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.className)).toEqual(["", "", "import-row--problem", "import-row--problem"]);
    expect(within(rows[0]!).getByText("جديد في الدليل")).toBeTruthy();
    expect(within(rows[1]!).getByText("مسجَّل من قبل: يُتجاوز.")).toBeTruthy();
    expect(within(rows[2]!).getByText("٤")).toBeTruthy();
    expect(within(rows[2]!).getByText("حقل «الاسم بالعربية» مطلوب.")).toBeTruthy();
    expect(within(rows[3]!).getByText(/لا منسوبي بعثة الحج الكويتية/)).toBeTruthy();

    // Rows with errors: nothing is imported until the admin chooses to import only the valid rows.
    const confirm = within(section).getByRole("button", { name: "تسجيل شخص واحد" });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(section).getByLabelText("عرض الصفوف التي تحتاج تصحيحًا فقط"));
    expect(within(table).getAllByRole("row")).toHaveLength(3);
    fireEvent.click(within(section).getByLabelText("استيراد الصف السليم فقط (١)"));
    fireEvent.click(within(section).getByLabelText("إرسال دعوات إنشاء حساب (مشارك) لمن ليس له حساب"));
    expect((confirm as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(confirm);
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual({ mode: "commit", validOnly: "true", invite: "true", file: "موظفو البعثة.csv" });
    const report = await within(section).findByText("اكتمل الاستيراد.");
    const list = report.parentElement!;
    expect(within(list).getByText("سُجّل شخص واحد")).toBeTruthy();
    expect(within(list).getByText("تُجووز شخص مسجَّل من قبل")).toBeTruthy();
    expect(within(list).getByText("أُرسلت دعوة واحدة")).toBeTruthy();
    expect(within(list).getByText("لم يُستورد صفان فيهما أخطاء")).toBeTruthy();
    expect(onChanged).toHaveBeenCalled();
    expect(within(section).queryByRole("table")).toBeNull();
    // The CSRF header goes with the form, as with every write.
    const imports = fetchMock.mock.calls.filter(([u]) => String(u).endsWith("/import"));
    expect(imports.map(([, init]) => (init!.headers as Record<string, string>)["X-CSRF-Token"])).toEqual(["csrf-qatar", "csrf-qatar"]);
  });
});
