/**
 * The search analyzer: how stored text and queries become terms (the same on SQLite
 * and PostgreSQL, since both index what this code produces).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexTerms, queryGroups, wordMatches, wordsOf } from "./analyzer.js";

const terms = (text: string) => indexTerms(text).split(" ").filter(Boolean);
/** Whether a document of `doc` is found by `query` (every group has a term in the document). */
const finds = (doc: string, query: string) => {
  const index = new Set(terms(doc));
  const groups = queryGroups(query);
  return groups.length > 0 && groups.every((g) => g.some((t) => index.has(t)));
};

describe("folding (normalizeForSearch inside the analyzer)", () => {
  it.each([
    ["diacritics", "الإِسْعَافَاتُ", "الإسعافات"],
    ["shadda and sukun", "المخيّمات", "المخيمات"],
    ["tanween", "حافلةٍ", "حافلة"],
    ["dagger alef", "الرحمٰن", "الرحمن"],
    ["tatweel", "الحـــافلات", "الحافلات"],
    ["hamza above", "أفواج", "افواج"],
    ["hamza below", "إسعاف", "اسعاف"],
    ["alef madda", "القرآن", "القران"],
    ["alef wasla", "ٱلمسجد", "المسجد"],
    ["alef maqsura", "منى", "مني"],
    ["alef maqsura in a longer word", "المستشفى", "المستشفي"],
    ["taa marbuta", "حافلة", "حافله"],
    ["taa marbuta with the article", "الإعاشة", "الاعاشه"],
    ["waw with hamza", "مسؤول", "مسءول"],
    ["yaa with hamza", "مسئول", "مسءول"],
    ["waw and yaa hamza together", "مسؤول", "مسئول"],
    ["case", "NUSUK", "nusuk"],
  ])("%s: %s ≡ %s", (_rule, a, b) => {
    expect(indexTerms(a)).toBe(indexTerms(b));
    expect(queryGroups(a)).toEqual(queryGroups(b));
    expect(finds(a, b)).toBe(true);
    expect(finds(b, a)).toBe(true);
  });

  it("folds Arabic-Indic and Persian digits to Latin ones", () => {
    expect(indexTerms("١٤٤٦")).toBe("1446");
    expect(indexTerms("۱۲")).toBe("12");
    expect(queryGroups("موسم ١٤٤٦")).toEqual([["موسم"], ["1446"]]);
    expect(finds("بلغ عدد الحالات ٢٣٠ حالة", "230")).toBe(true);
    expect(finds("230 cases", "٢٣٠")).toBe(true);
  });

  it("keeps Latin words with digits whole (no stemming)", () => {
    expect(indexTerms("A320 flights")).toBe("a320 flight");
  });

  it("splits on punctuation, quotes and zero-width characters", () => {
    expect(wordsOf("«نسك»: Nusuk—QR")).toEqual(["نسك", "nusuk", "qr"]);
    expect(wordsOf("مكة\u200cالمكرمة")).toEqual(["مكه", "المكرمه"]);
  });

  it("gives nothing for empty input", () => {
    expect(indexTerms("")).toBe("");
    expect(indexTerms(null)).toBe("");
    expect(indexTerms(undefined)).toBe("");
    expect(queryGroups("")).toEqual([]);
    expect(queryGroups("  … ، ؟ !")).toEqual([]);
  });
});

describe("Arabic article and prefixes", () => {
  const ARTICLES = ["ال", "وال", "فال", "بال", "كال", "لل", "وبال", "وكال", "وفال", "فبال", "فكال", "ولل", "فلل"];

  it.each(ARTICLES)("removes %s", (article) => {
    // لل stands for ل + ال: "للمخيمات" is "to the camps".
    const word = `${article}مخيمات`;
    expect(terms(word)).toContain("مخيم");
    expect(queryGroups(word)[0]).toContain("مخيم");
    expect(finds(word, "مخيم")).toBe(true);
    expect(finds("مخيم", word)).toBe(true);
    expect(finds("المخيمات", word)).toBe(true);
  });

  it("removes the combined prefixes of the issue's examples", () => {
    expect(queryGroups("وبالحافلات")).toEqual([["حافل"]]);
    expect(queryGroups("فبالماء")).toEqual([["ماء"]]);
    expect(queryGroups("وللمتطوعين")[0]).toContain("متطوع");
    expect(queryGroups("فالمخيمات")).toEqual([["مخيم"]]);
    expect(queryGroups("كالعادة")).toEqual([["عاد"]]);
    expect(queryGroups("للحجاج")[0]).toContain("حجاج");
  });

  it("does not take the article from a word that would be left with one letter", () => {
    expect(indexTerms("الف")).toBe("الف");
  });

  it.each(["و", "ف", "ب", "ك", "ل"])("also indexes a word without the one-letter prefix %s", (prefix) => {
    const word = `${prefix}مكة`;
    expect(terms(word)).toContain("مكه");
    expect(finds(word, "مكة")).toBe(true);
    expect(finds("مكة", word)).toBe(true);
  });

  it("handles two one-letter prefixes (وب، فل …)", () => {
    expect(terms("وبمكة")).toEqual(expect.arrayContaining(["مكه", "بمك"]));
    expect(finds("وبمكة", "مكة")).toBe(true);
    expect(finds("فلعرفات", "عرفة")).toBe(true);
  });

  it("keeps a word that only starts like a prefix, as one of its alternatives", () => {
    // "وجبات" (meals) starts with و: both readings are kept, the real one first.
    expect(queryGroups("وجبات")[0]![0]).toBe("وجب");
    expect(finds("وجبة", "وجبات")).toBe(true);
    // Three-letter words are never split.
    expect(terms("ولد")).toEqual(["ولد"]);
    expect(terms("بحر")).toEqual(["بحر"]);
  });
});

describe("Arabic light suffixes", () => {
  it.each([
    ["ات", "الحافلات", "حافل"],
    ["ة", "حافلة", "حافل"],
    ["ون", "المسؤولون", "مسءول"],
    ["ين", "المتطوعين", "متطوع"],
    ["ان", "موظفان", "موظف"],
    ["ية", "تدريبية", "تدريب"],
    ["ي", "عربي", "عرب"],
    ["ه", "مخيمه", "مخيم"],
    ["ها", "تذاكرها", "تذاكر"],
  ])("removes %s (%s → %s)", (_suffix, word, stem) => {
    expect(terms(word)).toContain(stem);
  });

  it("leaves at least three letters", () => {
    expect(terms("منها")).toEqual(["منها"]);
    expect(terms("مني")).toEqual(["مني"]);
    expect(terms("حجه")).toEqual(["حجه"]);
  });

  it("matches singular and sound plural both ways", () => {
    expect(finds("توزيع الحجاج على المخيمات", "مخيم")).toBe(true);
    expect(finds("في كل مخيم", "المخيمات")).toBe(true);
    expect(finds("وزّع المسؤولون قوارير الماء", "مسئول")).toBe(true);
    expect(finds("يوم عرفة", "عرفات")).toBe(true);
  });
});

describe("stop words", () => {
  it("drops grammar words from a query", () => {
    expect(queryGroups("الحافلات في منى")).toEqual([["حافل"], ["مني"]]);
    expect(queryGroups("الحجاج من إندونيسيا إلى مكة")).toEqual([["حجاج"], ["اندونيسيا"], ["مكه"]]);
    expect(queryGroups("the tents in Mina")).toEqual([["tent"], ["mina"]]);
    expect(queryGroups("How do we train THE staff?")).toEqual([["train"], ["staff"]]);
  });

  it("keeps them when the query is nothing else", () => {
    expect(queryGroups("في من")).toEqual([["في"], ["من"]]);
    expect(queryGroups("The")).toEqual([["the"]]);
    expect(queryGroups("إلى")).toEqual([["الي"]]);
  });

  it("keeps them in the index (so such a query can still find something)", () => {
    expect(terms("الحافلات في منى")).toEqual(["حافل", "في", "مني"]);
    expect(finds("الحافلات في منى", "في")).toBe(true);
  });
});

describe("query groups", () => {
  it("gives one group of alternatives per word, in order, without repeats", () => {
    expect(queryGroups("حافلة الحافلات حافلات")).toEqual([["حافل"]]);
    expect(queryGroups("بمكة")).toEqual([["بمك", "مكه"]]);
    expect(queryGroups("train training trainings")).toEqual([["train"]]);
  });

  it("keeps at most twelve groups", () => {
    const many = Array.from({ length: 20 }, (_, i) => `word${String.fromCharCode(97 + i)}x`).join(" ");
    expect(queryGroups(many)).toHaveLength(12);
  });
});

describe("English stemming", () => {
  it.each([
    ["trainings", "train"],
    ["trained", "train"],
    ["training", "train"],
    ["Pilgrims", "pilgrim"],
    ["meals", "meal"],
    ["crowded", "crowd"],
    ["Schedules", "schedul"],
    ["scheduled", "schedul"],
    ["diabetes", "diabet"],
    ["diabetic", "diabet"],
  ])("%s → %s", (word, stem) => {
    expect(terms(word)).toEqual([stem]);
  });

  it("finds inflected forms both ways", () => {
    expect(finds("Trainings for service-provider staff", "trained")).toBe(true);
    expect(finds("Only trained staff receive a badge", "training")).toBe(true);
    expect(finds("Crowd flow on the bridge", "crowds")).toBe(true);
  });
});

describe("mixed-language text", () => {
  it("analyses each word by its script", () => {
    expect(indexTerms("بطاقة «نسك» وتطبيق Nusuk للحجاج في موسم ١٤٤٦")).toBe("بطاق طاق نسك وتطبيق تطبيق nusuk حجاج لحجاج في موسم 1446");
  });

  it("finds an Arabic text by its English term and an English text by an Arabic one", () => {
    expect(finds("يُقرأ رمز QR عند بوابات المشاعر", "qr")).toBe(true);
    expect(finds("يُقرأ رمز QR عند بوابات المشاعر", "رمز qr")).toBe(true);
    expect(finds("Pilgrims rest in Mina (منى)", "مني")).toBe(true);
    expect(finds("يُقرأ رمز QR", "رمز Nusuk")).toBe(false);
  });
});

describe("words that defeat a plain light stemmer", () => {
  it.each([
    ["a word starting like the article", "الإلكتروني", "إلكتروني"],
    ["the same, with alef madda", "الآلية", "آلية"],
    ["the same, two letters left", "الآلاف", "آلاف"],
    ["ة written ت before a pronoun", "خيمته", "خيمة"],
    ["ة written ت before the dual", "حافلتان", "حافلة"],
    ["accusative tanween alef", "مسؤولًا", "مسؤول"],
    ["the same, marks in the other order", "مسؤولاً", "مسؤول"],
    ["hamza on alef maqsura", "الطوارىء", "الطوارئ"],
    ["pronoun suffix هم", "عاداتهم", "عادات"],
    ["pronoun suffix نا", "تجاربنا", "تجارب"],
    ["English plural -es after s", "buses", "bus"],
  ])("%s: %s ≡ %s", (_rule, a, b) => {
    expect(finds(a, b)).toBe(true);
    expect(finds(b, a)).toBe(true);
  });

  it("keeps regular English plurals in -ses with their singular", () => {
    expect(finds("houses", "house")).toBe(true);
    expect(finds("house", "houses")).toBe(true);
    expect(finds("cases", "case")).toBe(true);
  });

  it("does not strip a pronoun suffix from a short word", () => {
    expect(terms("فهم")).toEqual(["فهم"]);
    expect(finds("فهم", "ف")).toBe(false);
  });
});

describe("wordMatches (highlighting)", () => {
  const set = (...t: string[]) => new Set(t);

  it("matches words of the original text with diacritics, tatweel and prefixes", () => {
    expect(wordMatches("وبالحافلاتِ", set("حافل"))).toBe(true);
    expect(wordMatches("الحـــافلات", set("حافل"))).toBe(true);
    expect(wordMatches("الإِسْعَافَاتُ", set("اسعاف"))).toBe(true);
    expect(wordMatches("بمكة", set("مكه"))).toBe(true);
    expect(wordMatches("المسؤولون", set("مسءول"))).toBe(true);
  });

  it("matches English words by their stem and case-insensitively", () => {
    expect(wordMatches("Trainings", set("train"))).toBe(true);
    expect(wordMatches("QR", set("qr"))).toBe(true);
  });

  it("does not match other words or non-words", () => {
    expect(wordMatches("المخيمات", set("حافل"))).toBe(false);
    expect(wordMatches("…", set("حافل"))).toBe(false);
    expect(wordMatches("", set(""))).toBe(false);
  });
});

describe("properties", () => {
  /** Text that looks like what people type: Arabic letters and marks, Latin, digits, spaces, punctuation. */
  const CHARS = [
    ..."ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    ..."ءأإآٱىةؤئ",
    ..."\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670\u0640",
    ..."abcdefgIKLMNSTZ",
    ..."0123456789٠١٢٣٤٥٦٧٨٩۴",
    ..." \t\n\u00a0\u200c\u200f.,،؛؟!«»-_'\"",
  ];
  const typed = fc.array(fc.constantFrom(...CHARS), { maxLength: 60 }).map((cs) => cs.join(""));
  const anyText = fc.oneof(typed, fc.string({ maxLength: 60 }), fc.string({ unit: "binary", maxLength: 40 }));

  it("queryGroups never throws and gives non-empty terms without whitespace", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const groups = queryGroups(text);
        expect(groups.length).toBeLessThanOrEqual(12);
        for (const group of groups) {
          expect(group.length).toBeGreaterThan(0);
          for (const term of group) {
            expect(term.length).toBeGreaterThan(0);
            expect(term).not.toMatch(/\s/);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("index terms never contain empty terms", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const index = indexTerms(text);
        if (index !== "") expect(index.split(" ").every((t) => t.length > 0)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("a text is always found by a query made of its own words, also within a longer document", () => {
    fc.assert(
      fc.property(anyText, typed, typed, (text, before, after) => {
        const groups = queryGroups(text);
        const own = new Set(terms(text));
        const inDocument = new Set(terms(`${before} ${text} ${after}`));
        for (const group of groups) {
          for (const term of group) expect(own.has(term)).toBe(true);
          expect(group.some((t) => inDocument.has(t))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("each word alone finds the text it comes from", () => {
    fc.assert(
      fc.property(typed, (text) => {
        for (const word of text.split(/\s+/)) {
          if (queryGroups(word).length > 0) expect(finds(text, word)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
