import { describe, it, expect } from "vitest";
import { COUNTRIES, GCC_CODES } from "./countries.js";

/** The member list of DOMAIN.md, verbatim. */
const DOMAIN_LIST =
  "AF AL DZ AZ BH BD BJ BN BF CM TD KM CI DJ EG GA GM GN GW GY ID IR IQ JO KZ KW KG LB LY MY MV ML MR MA MZ NE NG OM PK PS QA SA SN SL SO SD SR SY TJ TG TN TR TM UG AE UZ YE".split(" ");

const ARABIC_LETTER = /[\u0621-\u064A]/;
const LATIN_LETTER = /[A-Za-z]/;

describe("COUNTRIES", () => {
  it("has exactly the 57 OIC member states of DOMAIN.md, each once", () => {
    const codes = COUNTRIES.map((c) => c.code);
    expect(DOMAIN_LIST).toHaveLength(57);
    expect(codes).toHaveLength(57);
    expect(new Set(codes).size).toBe(57);
    expect([...codes].sort()).toEqual([...DOMAIN_LIST].sort());
  });

  it("uses ISO 3166-1 alpha-2 codes", () => {
    for (const c of COUNTRIES) expect(c.code).toMatch(/^[A-Z]{2}$/);
  });

  it("gives every state a non-empty name in both languages", () => {
    for (const c of COUNTRIES) {
      expect(c.nameAr.trim(), c.code).not.toBe("");
      expect(c.nameEn.trim(), c.code).not.toBe("");
      expect(c.nameAr, c.code).toBe(c.nameAr.trim());
      expect(c.nameEn, c.code).toBe(c.nameEn.trim());
    }
  });

  it("writes Arabic names in Arabic script and English names in Latin script", () => {
    for (const c of COUNTRIES) {
      expect(c.nameAr, c.code).toMatch(ARABIC_LETTER);
      expect(c.nameAr, c.code).not.toMatch(LATIN_LETTER);
      expect(c.nameEn, c.code).toMatch(LATIN_LETTER);
      expect(c.nameEn, c.code).not.toMatch(ARABIC_LETTER);
    }
  });

  it("marks all 57 as members (Syria restored in 2024)", () => {
    for (const c of COUNTRIES) expect(c.oicStatus, c.code).toBe("member");
  });

  it("has unique names", () => {
    expect(new Set(COUNTRIES.map((c) => c.nameAr)).size).toBe(57);
    expect(new Set(COUNTRIES.map((c) => c.nameEn)).size).toBe(57);
  });

  it("includes the six GCC states", () => {
    expect([...GCC_CODES].sort()).toEqual(["AE", "BH", "KW", "OM", "QA", "SA"]);
    const codes = new Set(COUNTRIES.map((c) => c.code));
    for (const code of GCC_CODES) expect(codes.has(code), code).toBe(true);
  });

  it("spells a few names as the states do", () => {
    const byCode = new Map(COUNTRIES.map((c) => [c.code, c]));
    expect(byCode.get("SA")).toMatchObject({ nameAr: "المملكة العربية السعودية", nameEn: "Kingdom of Saudi Arabia" });
    expect(byCode.get("KW")).toMatchObject({ nameAr: "دولة الكويت", nameEn: "State of Kuwait" });
    expect(byCode.get("TR")).toMatchObject({ nameAr: "الجمهورية التركية", nameEn: "Republic of Türkiye" });
    expect(byCode.get("CI")?.nameEn).toBe("Republic of Côte d'Ivoire");
  });
});
