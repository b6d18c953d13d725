import { describe, expect, it } from "vitest";
import { sanitizeMinutes } from "./minutes-html.js";

describe("minutes' rich text", () => {
  it("keeps structure, emphasis, lists, links and direction", () => {
    const html = '<h2 dir="rtl">محضر الاجتماع</h2><p>حضر <strong>الوفد</strong> <em>القطري</em></p><ol><li>بند</li></ol><a href="https://hajj.gov.sa/x">link</a>';
    expect(sanitizeMinutes(html)).toBe('<h2 dir="rtl">محضر الاجتماع</h2><p>حضر <strong>الوفد</strong> <em>القطري</em></p><ol><li>بند</li></ol><a href="https://hajj.gov.sa/x" rel="noopener noreferrer" target="_blank">link</a>');
  });

  it("drops scripts, event handlers, styles, javascript: links and images", () => {
    const html = '<p onclick="alert(1)" style="color:red">نص</p><script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a><iframe src="https://evil"></iframe>';
    const out = sanitizeMinutes(html);
    expect(out).toBe('<p>نص</p><a rel="noopener noreferrer" target="_blank">x</a>');
    expect(out).not.toMatch(/script|onerror|onclick|javascript|style|iframe|img/i);
  });

  it("refuses a bogus dir value and turns divs into paragraphs", () => {
    expect(sanitizeMinutes('<div dir="evil">a</div>')).toBe("<p>a</p>");
  });

  it("gives empty text for markup with nothing readable", () => {
    expect(sanitizeMinutes("<p><br></p><script>x</script>")).toBe("");
  });
});
