import QRCode from "qrcode";
import { formatDate, formatNumber } from "../../../../common/dates.js";
import type { Locale } from "../../../../common/roles.js";
import { translate } from "../../lib/i18n.js";

/** What a certificate shows: its snapshot as issued, its status and where it is verified. */
export interface CertificateView {
  code: string;
  status: "valid" | "revoked";
  nameAr: string;
  nameEn: string;
  programmeTitleAr: string;
  programmeTitleEn: string;
  issuers: Array<{ nameAr: string; nameEn: string }>;
  /** First and last workshop day attended (YYYY-MM-DD). */
  startsOn: string | null;
  endsOn: string | null;
  completedOn: string;
  revokedAt: string | null;
  attendancePct: number;
  postScorePct: number | null;
  /** `${publicUrl}/verify/<code>`: what the QR code encodes. */
  verifyUrl: string;
}

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * A catalog sentence with HTML fragments in it: the sentence is translated with placeholders,
 * escaped, and only then are the (already safe) fragments put in.
 */
function sentence(locale: Locale, key: string, fragments: Record<string, string> = {}): string {
  const marks = Object.fromEntries(Object.keys(fragments).map((k, i) => [k, `\u0000${i}\u0000`]));
  let html = escapeHtml(translate(locale, `training.results.certificate.${key}`, marks));
  Object.values(fragments).forEach((fragment, i) => {
    html = html.replace(`\u0000${i}\u0000`, fragment);
  });
  return html;
}

const isolate = (text: string, dir?: "ltr" | "rtl") => `<bdi${dir ? ` dir="${dir}"` : ""}>${escapeHtml(text)}</bdi>`;

function dateRange(locale: Locale, from: string, to: string): string {
  const digits = locale === "ar" ? "arab" : "latn";
  const one = (d: string) => formatDate(d, { locale, digits, calendar: "gregorian" });
  return from === to ? one(from) : `${one(from)} – ${one(to)}`;
}

function pct(locale: Locale, n: number): string {
  return locale === "ar" ? `${formatNumber(n, "arab")}٪` : `${n}%`;
}

/** Long names and titles get a smaller type so that they fit on the page. */
function sizeClass(text: string, [medium, small]: [number, number]): string {
  return text.length > small ? "s" : text.length > medium ? "m" : "";
}

function column(locale: Locale, v: CertificateView): string {
  const ar = locale === "ar";
  const digits = ar ? "arab" : "latn";
  const name = ar ? v.nameAr : v.nameEn;
  const title = ar ? v.programmeTitleAr : v.programmeTitleEn;
  const hijri = formatDate(v.completedOn, { locale, digits, calendar: "hijri" });
  const gregorian = formatDate(v.completedOn, { locale, digits, calendar: "gregorian" });
  const scores = v.postScorePct === null
    ? sentence(locale, "attendance", { attendance: isolate(pct(locale, v.attendancePct)) })
    : sentence(locale, "scores", { attendance: isolate(pct(locale, v.attendancePct)), post: isolate(pct(locale, v.postScorePct)) });
  const workshops = v.startsOn && v.endsOn ? `<p class="small">${sentence(locale, "workshops", { dates: isolate(dateRange(locale, v.startsOn, v.endsOn)) })}</p>` : "";
  return `<section class="side ${ar ? "ar" : "en"}" lang="${locale}" dir="${ar ? "rtl" : "ltr"}">
      <h1>${sentence(locale, "heading")}</h1>
      <p class="lead">${sentence(locale, "certify")}</p>
      <p class="name ${sizeClass(name, ar ? [28, 40] : [22, 32])}">${isolate(name)}</p>
      <p class="lead">${sentence(locale, "completed")}</p>
      <p class="programme ${sizeClass(title, ar ? [45, 80] : [40, 70])}">${isolate(title)}</p>
      <p class="date">${sentence(locale, "on_date", { hijri: isolate(hijri), gregorian: isolate(gregorian) })}</p>
      ${workshops}
      <p class="small">${scores}</p>
    </section>`;
}

const STYLE = `
@page { size: A4 landscape; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { width: 297mm; height: 210mm; overflow: hidden; background: #fff; color: #1d2b2a; font-family: "Noto Serif", "Noto Sans", serif; }
.sheet { position: relative; width: 297mm; height: 210mm; padding: 9mm; overflow: hidden; }
.frame { position: relative; height: 100%; border: 1.6mm solid #1f5f55; outline: 0.5mm solid #b8923a; outline-offset: -3.2mm; padding: 10mm 12mm 8mm; display: flex; flex-direction: column; }
.issuer-band { display: grid; grid-template-columns: 1fr 1fr; gap: 10mm; direction: ltr; color: #1f5f55; font-size: 10pt; line-height: 1.45; border-bottom: 0.3mm solid #b8923a; padding-bottom: 3mm; }
.issuer-band .ar { font-family: Amiri, serif; font-size: 12.5pt; line-height: 1.35; text-align: right; }
.issuer-band div div { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.columns { flex: 1; display: grid; grid-template-columns: 1fr 0.3mm 1fr; gap: 9mm; direction: ltr; padding-top: 6mm; }
.columns { align-items: center; }
.rule { align-self: stretch; background: #b8923a; opacity: 0.6; }
.side { text-align: center; overflow: hidden; }
.side h1 { margin: 0 0 5mm; font-size: 22pt; color: #1f5f55; letter-spacing: 0.04em; }
.side.ar { font-family: Amiri, serif; }
.side.ar h1 { font-size: 28pt; letter-spacing: 0; }
.side p { margin: 0 0 3mm; overflow-wrap: anywhere; }
.lead { font-size: 12pt; }
.side.ar .lead { font-size: 15pt; }
.name { font-size: 21pt; font-weight: bold; color: #0f3d36; margin: 2mm 0 4mm !important; }
.side.ar .name { font-size: 25pt; }
.programme { font-size: 17pt; font-weight: bold; color: #1f5f55; }
.side.ar .programme { font-size: 21pt; }
.date { font-size: 11.5pt; }
.side.ar .date { font-size: 14pt; }
.small { font-size: 10pt; color: #45605c; }
.side.ar .small { font-size: 12.5pt; }
.name.m { font-size: 17pt; }
.side.ar .name.m { font-size: 21pt; }
.name.s { font-size: 13.5pt; }
.side.ar .name.s { font-size: 17pt; }
.programme.m { font-size: 14pt; }
.side.ar .programme.m { font-size: 17pt; }
.programme.s { font-size: 11.5pt; }
.side.ar .programme.s { font-size: 14pt; }
.revoked-line { color: #b41414; font-weight: bold; font-size: 11pt; }
.revoked-line .ar { font-family: Amiri, serif; font-size: 13pt; }
.footer { display: flex; align-items: center; justify-content: center; gap: 8mm; direction: ltr; border-top: 0.3mm solid #b8923a; padding-top: 3mm; }
.qr { width: 24mm; height: 24mm; }
.qr svg { width: 100%; height: 100%; display: block; }
.code { font-family: "Noto Sans", sans-serif; font-size: 10pt; line-height: 1.5; }
.code .value { font-size: 14pt; font-weight: bold; letter-spacing: 0.08em; color: #0f3d36; }
.code .ar { font-family: Amiri, serif; font-size: 12pt; }
.url { font-size: 9pt; color: #45605c; }
.stamp { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; pointer-events: none; }
.stamp div { transform: rotate(-16deg); border: 2.2mm solid rgba(190, 20, 20, 0.78); color: rgba(190, 20, 20, 0.78); padding: 4mm 14mm; font: bold 54pt "Noto Sans", sans-serif; letter-spacing: 0.06em; background: rgba(255, 255, 255, 0.55); white-space: nowrap; }
.stamp .ar { font-family: Amiri, serif; font-size: 60pt; letter-spacing: 0; }
`;

/**
 * The certificate as one A4 landscape page: the English half on the left, the Arabic half on
 * the right (right to left, Amiri), the issuers above, the code and a QR code of the public
 * verification address below; a revoked certificate is stamped "REVOKED / ملغاة" across it.
 * Every interpolated value is escaped (names can contain anything).
 */
export async function certificateHtml(v: CertificateView): Promise<string> {
  const qr = await QRCode.toString(v.verifyUrl, { type: "svg", margin: 0, errorCorrectionLevel: "M" });
  const stamp = v.status === "revoked"
    ? `<div class="stamp"><div>${escapeHtml(translate("en", "training.results.certificate.revoked_stamp"))} / <span class="ar" lang="ar" dir="rtl">${escapeHtml(translate("ar", "training.results.certificate.revoked_stamp"))}</span></div></div>`
    : "";
  const revokedLine = v.status === "revoked" && v.revokedAt
    ? `<div class="revoked-line">${escapeHtml(translate("en", "training.results.certificate.revoked_stamp"))} / <span class="ar" lang="ar" dir="rtl">${escapeHtml(translate("ar", "training.results.certificate.revoked_stamp"))}</span> — ${sentence("en", "revoked_on", { date: isolate(formatDate(v.revokedAt, { locale: "en", digits: "latn", calendar: "gregorian" })) })} · <span class="ar" lang="ar" dir="rtl">${sentence("ar", "revoked_on", { date: isolate(formatDate(v.revokedAt, { locale: "ar", digits: "arab", calendar: "hijri" })) })}</span></div>`
    : "";
  return `<!doctype html>
<html lang="ar">
<head><meta charset="utf-8"><title>${escapeHtml(v.code)}</title><style>${STYLE}</style></head>
<body>
<div class="sheet">
  <div class="frame">
    <div class="issuer-band">
      <div class="en" lang="en" dir="ltr">${v.issuers.map((i) => `<div>${isolate(i.nameEn)}</div>`).join("")}</div>
      <div class="ar" lang="ar" dir="rtl">${v.issuers.map((i) => `<div>${isolate(i.nameAr)}</div>`).join("")}</div>
    </div>
    <div class="columns">
      ${column("en", v)}
      <div class="rule"></div>
      ${column("ar", v)}
    </div>
    <div class="footer">
      <div class="qr">${qr}</div>
      <div class="code">
        <div>${sentence("en", "code")} · <span class="ar" lang="ar" dir="rtl">${sentence("ar", "code")}</span></div>
        <div class="value">${escapeHtml(v.code)}</div>
        <div class="url">${sentence("en", "verify_at")} <bdi dir="ltr">${escapeHtml(v.verifyUrl)}</bdi></div>
        ${revokedLine}
      </div>
    </div>
  </div>
  ${stamp}
</div>
</body>
</html>`;
}
