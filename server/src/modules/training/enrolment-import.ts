import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { normalizeForSearch } from "../../../../common/text.js";

/**
 * Reading an enrolment file (CSV or XLSX) as an organisation admin fills it in: headers in Arabic
 * or English in any order, UTF-8 with or without BOM (or an Arabic Windows code page, as older
 * Excel saves CSV), CRLF, comma, semicolon or tab, Arabic-Indic digits, stray spaces. Pure: the
 * service decides what each row means for the directory and the programme.
 */

/** Largest file accepted, and most data rows. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 5000;

export const IMPORT_COLUMNS = ["nameAr", "nameEn", "email", "organisation", "title", "phone", "language"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ["nameAr", "nameEn", "email", "organisation"];

/** The template's headers: Arabic / English, so either half is recognised. */
export const TEMPLATE_HEADERS: Record<ImportColumn, { ar: string; en: string }> = {
  nameAr: { ar: "الاسم بالعربية", en: "Name in Arabic" },
  nameEn: { ar: "الاسم بالإنجليزية", en: "Name in English" },
  email: { ar: "البريد الإلكتروني", en: "Email" },
  organisation: { ar: "رمز الجهة", en: "Organisation code" },
  title: { ar: "المنصب", en: "Position" },
  phone: { ar: "الهاتف", en: "Phone" },
  language: { ar: "اللغة المفضلة", en: "Preferred language" },
};

const ALIASES: Record<ImportColumn, string[]> = {
  nameAr: ["name in arabic", "arabic name", "name arabic", "name (arabic)", "name_ar", "full name in arabic", "الاسم بالعربية", "الاسم باللغة العربية", "الاسم العربي", "الاسم عربي", "الاسم (عربي)", "الاسم الكامل بالعربية"],
  nameEn: [
    "name in english", "english name", "name english", "name (english)", "name_en", "full name in english", "name in latin script", "latin name",
    "الاسم بالإنجليزية", "الاسم بالانجليزي", "الاسم باللغة الإنجليزية", "الاسم الإنجليزي", "الاسم (إنجليزي)", "الاسم بالإنكليزية", "الاسم باللاتينية",
  ],
  email: ["email", "e-mail", "email address", "e-mail address", "mail", "البريد الإلكتروني", "البريد", "الإيميل", "عنوان البريد الإلكتروني"],
  organisation: ["organisation code", "organization code", "organisation", "organization", "org code", "org", "رمز الجهة", "الجهة", "كود الجهة", "رمز المنظمة"],
  title: ["position", "title", "job title", "position title", "المنصب", "المسمى الوظيفي", "الوظيفة", "المسمى"],
  phone: ["phone", "mobile", "telephone", "tel", "phone number", "mobile number", "الهاتف", "الجوال", "رقم الهاتف", "رقم الجوال", "الهاتف المحمول"],
  language: ["language", "preferred language", "اللغة", "اللغة المفضلة"],
};

/** A header reduced to letters and digits, Arabic variants folded ("E-mail" = "email", "الإيميل" = "الايميل"). */
function headerKey(text: string): string {
  return normalizeForSearch(text).replace(/[^\p{L}\p{N}]+/gu, "");
}

const KEYS = new Map<string, ImportColumn>(IMPORT_COLUMNS.flatMap((c) => [c, ...ALIASES[c], TEMPLATE_HEADERS[c].ar, TEMPLATE_HEADERS[c].en].map((a) => [headerKey(a), c] as const)));

/** Which column of the file each field is in (a bilingual header "الاسم بالعربية / Name in Arabic" counts as either half). */
export function mapColumns(header: string[]): { index: Partial<Record<ImportColumn, number>>; missing: ImportColumn[] } {
  const index: Partial<Record<ImportColumn, number>> = {};
  header.forEach((cell, i) => {
    for (const part of [cell, ...cell.split(/[/|\n]/)]) {
      const column = KEYS.get(headerKey(part));
      if (column && index[column] === undefined) {
        index[column] = i;
        break;
      }
    }
  });
  return { index, missing: REQUIRED_COLUMNS.filter((c) => index[c] === undefined) };
}

/** Why a file could not be read at all. */
export type FileProblem = "file_type" | "too_large" | "unreadable" | "empty" | "too_many_rows";

export class ImportFileError extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem);
  }
}

export interface SheetRow {
  /** The row number as the admin sees it in the file (the header is row 1). */
  row: number;
  cells: string[];
}

export interface Sheet {
  header: string[];
  rows: SheetRow[];
}

/** Text cleaned of invisible marks, non-breaking and repeated spaces. */
export function cleanText(value: string): string {
  return value.replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "").replace(/[\s\u00a0]+/g, " ").trim();
}

function decodeText(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le").decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder("utf-16be").decode(data.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(data).replace(/^\ufeff/, "");
  } catch {
    // Not UTF-8: Excel's "CSV (comma delimited)" on Arabic Windows writes the Arabic code page.
    return new TextDecoder("windows-1256").decode(data);
  }
}

/** The separator the header line uses most: tab, semicolon or comma. */
function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? "";
  const count = (c: string) => header.split(c).length - 1;
  return ["\t", ";", ","].reduce((best, c) => (count(c) > count(best) ? c : best), ",");
}

function readCsv(data: Buffer): Sheet {
  const text = decodeText(data);
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch {
    throw new ImportFileError("unreadable");
  }
  const [header = [], ...rest] = records;
  // Row numbers count every record, as a spreadsheet shows the file (the header is row 1).
  return { header: header.map(cleanText), rows: rest.map((cells, i) => ({ row: i + 2, cells: cells.map(cleanText) })) };
}

/** A cell's text whatever Excel stored: rich text, a hyperlink (mailto:), a formula's result, a number, a date. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : cellText(value.text as ExcelJS.CellValue);
  if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  if ("error" in value) return "";
  return String(value);
}

async function readXlsx(data: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError("unreadable");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError("empty");
  if (sheet.rowCount > IMPORT_MAX_ROWS + 1 + 1000) throw new ImportFileError("too_many_rows");
  let header: string[] | null = null;
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cleanText(cellText(values[i + 1] ?? null)));
    if (header === null) header = cells;
    else rows.push({ row: rowNumber, cells });
  });
  return { header: header ?? [], rows };
}

/** Whether the bytes are a ZIP (an XLSX is one). */
const isZip = (data: Buffer) => data.length >= 4 && data.readUInt32BE(0) === 0x504b0304;

/**
 * Read the first sheet of a CSV or XLSX file: its header and its non-empty rows.
 * @throws ImportFileError when the file is of another kind, too large, unreadable, empty or too long
 */
export async function readSheet(file: { fileName: string; data: Buffer }): Promise<Sheet> {
  if (file.data.length > IMPORT_MAX_BYTES) throw new ImportFileError("too_large");
  const extension = /\.([a-z0-9]+)$/i.exec(file.fileName)?.[1]?.toLowerCase() ?? "";
  let sheet: Sheet;
  if (extension === "xlsx" || (extension !== "csv" && extension !== "txt" && isZip(file.data))) {
    if (!isZip(file.data)) throw new ImportFileError("unreadable");
    sheet = await readXlsx(file.data);
  } else if (extension === "csv" || extension === "txt") {
    if (file.data.includes(0) && !(file.data[0] === 0xff || file.data[0] === 0xfe)) throw new ImportFileError("unreadable");
    sheet = readCsv(file.data);
  } else {
    throw new ImportFileError("file_type");
  }
  const rows = sheet.rows.filter((r) => r.cells.some((c) => c !== ""));
  if (sheet.header.every((c) => c === "") || rows.length === 0) throw new ImportFileError("empty");
  if (rows.length > IMPORT_MAX_ROWS) throw new ImportFileError("too_many_rows");
  return { header: sheet.header, rows };
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;

/** An email as typed: trimmed, lower case, without "mailto:"; null when it is not an address. */
export function normaliseEmail(text: string): string | null {
  const email = text.trim().replace(/^mailto:/i, "").toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : null;
}

/** A phone with Arabic-Indic or Persian digits made Latin, kept as "+" and digits; null when it is not a number. */
export function normalisePhone(text: string): string | null {
  const latin = text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .trim();
  if (!/^\+?[\d\s().-]+$/.test(latin)) return null;
  const digits = latin.replace(/\D/g, "");
  if (digits.length < 6 || digits.length > 20) return null;
  return `${latin.startsWith("+") ? "+" : ""}${digits}`;
}

/** A preferred language as written ("ar", "Arabic", "العربية", "en", "English", "الإنجليزية"), or null. */
export function languageOf(text: string): "ar" | "en" | null {
  const key = headerKey(text);
  if (["ar", "ara", "arabic", "عربي", "العربيه", "عربيه"].includes(key)) return "ar";
  if (["en", "eng", "english", "انجليزي", "الانجليزيه", "انجليزيه", "الانكليزيه"].includes(key)) return "en";
  return null;
}

/** Whether the text is (mostly) Arabic script. */
export function isArabic(text: string): boolean {
  return /[\u0600-\u06ff]/.test(text);
}

/** One row's fields, cleaned, by column. */
export function rowFields(row: SheetRow, index: Partial<Record<ImportColumn, number>>): Record<ImportColumn, string> {
  const get = (c: ImportColumn) => (index[c] === undefined ? "" : (row.cells[index[c]!] ?? ""));
  return Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, get(c)])) as Record<ImportColumn, string>;
}

/** The bilingual header row of the template. */
export function templateHeader(): string[] {
  return IMPORT_COLUMNS.map((c) => `${TEMPLATE_HEADERS[c].ar} / ${TEMPLATE_HEADERS[c].en}`);
}

/** The CSV template: UTF-8 with BOM (so Excel reads the Arabic), CRLF, the bilingual header only. */
export function templateCsv(): Buffer {
  const line = templateHeader().map((h) => `"${h.replace(/"/g, '""')}"`).join(",");
  return Buffer.from(`\ufeff${line}\r\n`, "utf8");
}

/**
 * The XLSX template: the bilingual header on the first sheet, right to left when the caller reads
 * Arabic; a second sheet lists the organisations the caller may enrol, by code.
 */
export async function templateXlsx(options: { rtl: boolean; organisations: Array<{ code: string; nameAr: string; nameEn: string }>; sheetNames: { people: string; organisations: string } }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetNames.people, { views: [{ rightToLeft: options.rtl, state: "frozen", ySplit: 1 }] });
  sheet.addRow(templateHeader());
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => (column.width = 32));
  // Phones stay text (a leading + or 0 is kept).
  sheet.getColumn(IMPORT_COLUMNS.indexOf("phone") + 1).numFmt = "@";
  const orgs = workbook.addWorksheet(options.sheetNames.organisations, { views: [{ rightToLeft: options.rtl }] });
  orgs.addRow([`${TEMPLATE_HEADERS.organisation.ar} / ${TEMPLATE_HEADERS.organisation.en}`, "الاسم بالعربية / Name in Arabic", "الاسم بالإنجليزية / Name in English"]);
  orgs.getRow(1).font = { bold: true };
  for (const o of options.organisations) orgs.addRow([o.code, o.nameAr, o.nameEn]);
  orgs.columns.forEach((column) => (column.width = 40));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
