import { describe, expect, it } from "vitest";
import { cleanHtml, normalizeRichText, safeHref } from "./RichTextEditor.js";

describe("RichTextEditor helpers", () => {
  it("gives each block its own direction and turns browser <div> lines into paragraphs", () => {
    expect(normalizeRichText("بسم الله<div>Opening</div><div><br></div><div>Closing</div><div><br></div>")).toBe('<p dir="auto">بسم الله</p><p dir="auto">Opening</p><p dir="auto"><br></p><p dir="auto">Closing</p>');
    expect(normalizeRichText("<ul><li>أولًا</li><li>Second</li></ul>")).toBe('<ul dir="auto"><li dir="auto">أولًا</li><li dir="auto">Second</li></ul>');
    expect(normalizeRichText('<h3 dir="rtl">القرارات</h3>')).toBe('<h3 dir="rtl">القرارات</h3>');
    expect(normalizeRichText("<p><br></p>")).toBe("");
  });

  it("keeps only the minutes' tags from pasted HTML (Word), with safe links", () => {
    const word = '<html><head><style>p{color:red}</style></head><body><p class="MsoNormal" style="color:red"><span style="font-size:14pt"><b>مهم</b></span> <a href="javascript:alert(1)">x</a> <a href="https://hajj.gov.sa">وزارة الحج</a></p><script>alert(1)</script><img src="x"></body></html>';
    expect(cleanHtml(word)).toBe('<p><b>مهم</b> <a>x</a> <a href="https://hajj.gov.sa/">وزارة الحج</a></p>');
  });

  it("accepts web and email links only", () => {
    expect(safeHref("hajj.gov.sa")).toBe("https://hajj.gov.sa/");
    expect(safeHref("secretariat@oic-oci.org")).toBe("mailto:secretariat@oic-oci.org");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("  ")).toBeNull();
  });
});
