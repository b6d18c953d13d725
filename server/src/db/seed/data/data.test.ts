import { describe, it, expect } from "vitest";
import { ORGANISATION_KINDS, POSITIONS, ROLES, VISIBILITIES } from "../../../../../common/roles.js";
import { COUNTRIES, GCC_CODES, GROUPS, ORGANISATIONS, PEOPLE, USERS } from "./index.js";

const orgByCode = new Map(ORGANISATIONS.map((o) => [o.code, o]));
const personByKey = new Map(PEOPLE.map((p) => [p.key, p]));
const countryCodes = new Set(COUNTRIES.map((c) => c.code));
const ARABIC_LETTER = /[\u0621-\u064A]/;

describe("ORGANISATIONS", () => {
  it("has unique, well-formed codes and valid kinds", () => {
    expect(orgByCode.size).toBe(ORGANISATIONS.length);
    for (const o of ORGANISATIONS) {
      expect(o.code).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(ORGANISATION_KINDS).toContain(o.kind);
      expect(VISIBILITIES).toContain(o.visibility);
      expect(o.nameAr, o.code).toMatch(ARABIC_LETTER);
      expect(o.nameEn.trim(), o.code).not.toBe("");
      if (o.country !== null) expect(countryCodes.has(o.country), o.code).toBe(true);
      if (o.email) expect(o.email, o.code).toMatch(/@[a-z0-9-]+\.rifada\.test$/);
      if (o.website) expect(o.website, o.code).toMatch(/\.test(\/|$)/);
    }
  });

  it("has one Hajj mission per member state, in Makkah", () => {
    const missions = ORGANISATIONS.filter((o) => o.kind === "hajj_mission");
    expect(missions).toHaveLength(57);
    for (const c of COUNTRIES) {
      const m = orgByCode.get(`hajj-${c.code.toLowerCase()}`);
      expect(m?.kind, c.code).toBe("hajj_mission");
      expect(m?.country, c.code).toBe(c.code);
      expect(m?.cityEn, c.code).toBe("Makkah");
      expect(m?.email, c.code).toBe(`office@hajj-${c.code.toLowerCase()}.rifada.test`);
      expect(m?.visibility, c.code).toBe("members");
    }
    expect(orgByCode.get("hajj-kw")?.addressAr).toBeTruthy();
    expect(orgByCode.get("hajj-kw")?.addressEn).toBeTruthy();
  });

  it("has the secretariat, the Ministry, institutions and providers", () => {
    expect(orgByCode.get("oic")).toMatchObject({ kind: "secretariat", country: "SA", visibility: "public" });
    expect(orgByCode.get("moh-sa")).toMatchObject({ kind: "ministry", country: "SA" });
    const count = (k: string) => ORGANISATIONS.filter((o) => o.kind === k).length;
    expect(count("oic_institution")).toBeGreaterThanOrEqual(3);
    expect(count("service_provider")).toBeGreaterThanOrEqual(3);
  });
});

describe("GROUPS", () => {
  it("reference existing organisations, each once", () => {
    for (const g of GROUPS) {
      expect(new Set(g.members).size, g.code).toBe(g.members.length);
      for (const m of g.members) expect(orgByCode.has(m), `${g.code}: ${m}`).toBe(true);
    }
  });

  it("group the GCC six and the 57 missions", () => {
    const byCode = new Map(GROUPS.map((g) => [g.code, g]));
    expect([...(byCode.get("gcc-hajj-offices")?.members ?? [])].sort()).toEqual(GCC_CODES.map((c) => `hajj-${c.toLowerCase()}`).sort());
    expect(byCode.get("oic-members")?.members).toHaveLength(57);
    for (const code of ["oic-institutions", "service-providers"]) {
      const g = byCode.get(code);
      expect(g?.members.length, code).toBeGreaterThanOrEqual(3);
    }
  });
});

describe("PEOPLE and USERS", () => {
  it("people have unique keys and emails firstname.lastname@<org>.rifada.test", () => {
    expect(personByKey.size).toBe(PEOPLE.length);
    expect(new Set(PEOPLE.map((p) => p.email)).size).toBe(PEOPLE.length);
    for (const p of PEOPLE) {
      expect(orgByCode.has(p.organisation), p.key).toBe(true);
      expect(POSITIONS).toContain(p.position);
      expect(VISIBILITIES).toContain(p.visibility);
      expect(p.nameAr, p.key).toMatch(ARABIC_LETTER);
      expect(p.email, p.key).toMatch(new RegExp(`^[a-z]+\\.[a-z]+@${p.organisation}\\.rifada\\.test$`));
    }
  });

  it("have the positions the situations need", () => {
    expect(personByKey.get("kw-head")).toMatchObject({ organisation: "hajj-kw", position: "head" });
    expect(personByKey.get("qa-head")).toMatchObject({ organisation: "hajj-qa", position: "head" });
    expect(personByKey.get("qa-deputy")).toMatchObject({ organisation: "hajj-qa", position: "deputy_head" });
    expect(PEOPLE.filter((p) => p.organisation === "hajj-qa" && p.position === "official")).toHaveLength(2);
    expect(PEOPLE.some((p) => p.organisation === "hajj-qa" && p.visibility === "private")).toBe(true);
    for (const c of GCC_CODES) {
      const org = `hajj-${c.toLowerCase()}`;
      expect(PEOPLE.some((p) => p.organisation === org && p.position === "head"), org).toBe(true);
    }
    expect(personByKey.get("moh-trainer")?.position).toBe("trainer");
  });

  it("users are unique and consistent with their people", () => {
    expect(new Set(USERS.map((u) => u.email)).size).toBe(USERS.length);
    for (const u of USERS) {
      expect(ROLES).toContain(u.role);
      expect(orgByCode.has(u.organisation), u.email).toBe(true);
      expect(u.email, u.email).toMatch(new RegExp(`@${u.organisation}\\.rifada\\.test$`));
      if (u.person) {
        const p = personByKey.get(u.person);
        expect(p, u.email).toBeDefined();
        expect(p?.organisation, u.email).toBe(u.organisation);
        expect(u.name, u.email).toBe(u.locale === "ar" ? p?.nameAr : p?.nameEn);
        if (u.role !== "coordinator") expect(u.email).toBe(p?.email);
      }
    }
    const emails = USERS.map((u) => u.email);
    expect(emails).toContain("coordinator@oic.rifada.test");
    expect(emails).toContain("coordinator@moh-sa.rifada.test");
  });
});
