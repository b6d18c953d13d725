/**
 * The text the index and the snippets are made of: rich text to plain text, and the
 * HTML snippet with the query's words marked.
 */
import { describe, expect, it } from "vitest";
import { queryGroups } from "./analyzer.js";
import { escapeHtml, htmlToText, snippetHtml } from "./search.text.js";

/** The terms of a query, as the search service hands them to snippetHtml. */
const termsOf = (query: string) => new Set(queryGroups(query).flat());
const marked = (html: string) => [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]);

describe("htmlToText", () => {
  it("gives nothing for nothing", () => {
    expect(htmlToText(null)).toBe("");
    expect(htmlToText(undefined)).toBe("");
    expect(htmlToText("")).toBe("");
    expect(htmlToText("<p></p><br>")).toBe("");
  });

  it("keeps plain text as it is (trimmed)", () => {
    expect(htmlToText("  تفويج الحجاج بالحافلات  ")).toBe("تفويج الحجاج بالحافلات");
  });

  it("turns block ends and <br> into line breaks", () => {
    expect(htmlToText("<h2>محضر الاجتماع</h2><p>سطر أول<br>سطر ثانٍ</p><ul><li>أ</li><li>ب</li></ul><blockquote>اقتباس</blockquote>")).toBe(
      "محضر الاجتماع\nسطر أول\nسطر ثانٍ\nأ\nب\nاقتباس",
    );
    expect(htmlToText("one<br/>two<BR />three")).toBe("one\ntwo\nthree");
  });

  it("turns other tags into spaces and collapses blanks", () => {
    expect(htmlToText('<p>عند <strong>الجمرات</strong>\t<a href="x">هنا</a></p>')).toBe("عند الجمرات هنا");
    expect(htmlToText("<p>a</p>\n\n  <p>b</p>")).toBe("a\nb");
    expect(htmlToText("<td>cell</td><td>cell</td>")).toBe("cell cell");
  });

  it("decodes named and numeric entities", () => {
    expect(htmlToText("ب &amp; ج")).toBe("ب & ج");
    expect(htmlToText("&lt;script&gt;")).toBe("<script>");
    expect(htmlToText("&quot;x&quot; &#39;y&#39; &apos;z&apos;")).toBe("\"x\" 'y' 'z'");
    expect(htmlToText("a&nbsp;b")).toBe("a b");
    expect(htmlToText("&#1605;&#1606;&#1609; &#x645;&#x646;&#x649;")).toBe("منى منى");
    expect(htmlToText("&AMP;")).toBe("&");
  });

  it("leaves unknown entities as written", () => {
    expect(htmlToText("&unknown; &copy")).toBe("&unknown; &copy");
  });

  it("drops attributes, including event handlers", () => {
    expect(htmlToText('<p onclick="steal()">نص</p>')).toBe("نص");
  });
});

describe("escapeHtml", () => {
  it("escapes the five special characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });
});

describe("snippetHtml", () => {
  it("escapes everything around and inside the words", () => {
    const html = snippetHtml('تفويج <script>alert("x")</script> بالحافلات & <img src=x onerror=alert(1)>', termsOf("حافلات"));
    expect(html).not.toMatch(/<(?!\/?mark>)/);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("&quot;x&quot;");
    expect(html).toContain("&amp;");
    expect(html).toContain("&lt;img");
    expect(marked(html)).toEqual(["بالحافلات"]);
  });

  it("never lets text from the record become markup, even when it looks like a mark", () => {
    const html = snippetHtml("نص <mark>fake</mark> الجمرات", termsOf("الجمرات"));
    expect(html).toContain("&lt;mark&gt;fake&lt;/mark&gt;");
    expect(marked(html)).toEqual(["الجمرات"]);
  });

  it("marks Arabic words as written, with diacritics, tatweel and prefixes", () => {
    const html = snippetHtml("خُصِّصت الحـــافلاتِ للحجاج وبالحافلات المكيّفة من مقر البعثة بمكة", termsOf("حافلة مكة"));
    expect(marked(html)).toEqual(["الحـــافلاتِ", "وبالحافلات", "بمكة"]);
    expect(html).toContain("<mark>الحـــافلاتِ</mark>");
  });

  it("marks words matching a query with hamza, ة and ى variants", () => {
    const html = snippetHtml("تُقدَّم الإسعافات الأوّليّة في المستشفى الميداني قرب مِنى", termsOf("الاسعافات المستشفي مني"));
    expect(marked(html)).toEqual(["الإسعافات", "المستشفى", "مِنى"]);
  });

  it("marks English words by their stem and Latin words in Arabic text", () => {
    expect(marked(snippetHtml("Trainings for staff; only trained staff work.", termsOf("training")))).toEqual(["Trainings", "trained"]);
    expect(marked(snippetHtml("يُقرأ رمز QR عند البوابات", termsOf("qr")))).toEqual(["QR"]);
  });

  it("marks nothing for words that do not match", () => {
    const html = snippetHtml("توزيع الحجاج على المخيمات", termsOf("حافلات"));
    expect(html).toBe("توزيع الحجاج على المخيمات");
  });

  it("gives a short text whole, without ellipses", () => {
    expect(snippetHtml("Fire safety in the tents", termsOf("tent"))).toBe("Fire safety in the <mark>tents</mark>");
  });

  it("opens the window around the matches and marks the cuts", () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`);
    words[60] = "الحافلة";
    const html = snippetHtml(words.join(" "), termsOf("حافلات"), 10);
    expect(html.startsWith("… ")).toBe(true);
    expect(html.endsWith(" …")).toBe(true);
    expect(html).toContain("<mark>الحافلة</mark>");
    // Ten words, opening a few words before the match.
    expect(html).toBe("… w56 w57 w58 w59 <mark>الحافلة</mark> w61 w62 w63 w64 w65 …");
  });

  it("prefers the window with the most matches", () => {
    const words = Array.from({ length: 80 }, (_, i) => `w${i}`);
    words[5] = "tent";
    words[50] = "tents";
    words[52] = "tent";
    words[54] = "Tents";
    const html = snippetHtml(words.join(" "), termsOf("tent"), 8);
    expect(marked(html)).toEqual(["tents", "tent", "Tents"]);
    expect(html).not.toContain("w5 ");
    expect(html.startsWith("… ")).toBe(true);
  });

  it("gives the opening words when nothing matches", () => {
    const text = Array.from({ length: 50 }, (_, i) => `w${i}`).join(" ");
    expect(snippetHtml(text, termsOf("absent"), 5)).toBe("w0 w1 w2 w3 w4 …");
  });

  it("starts at the beginning without an ellipsis when the match is there", () => {
    const text = ["الجمرات", ...Array.from({ length: 50 }, (_, i) => `w${i}`)].join(" ");
    expect(snippetHtml(text, termsOf("الجمرات"), 4)).toBe("<mark>الجمرات</mark> w0 w1 w2 …");
  });

  it("keeps the snippet on one line", () => {
    expect(snippetHtml("line one\nline two\n\nالحافلات", termsOf("حافلات"))).toBe("line one line two <mark>الحافلات</mark>");
  });

  it("gives nothing for a text without words", () => {
    expect(snippetHtml("", termsOf("x"))).toBe("");
    expect(snippetHtml(" … ، ", termsOf("x"))).toBe("");
  });
});
