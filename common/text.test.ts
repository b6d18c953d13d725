import { describe, expect, it } from "vitest";
import { normalizeForSearch, searchTerms } from "./text.js";

describe("normalizeForSearch", () => {
  it.each([
    ["مَكَّةُ المُكَرَّمَة", "مكه المكرمه"],
    ["إندونيسيا", "اندونيسيا"],
    ["آسيا", "اسيا"],
    ["مسؤول", "مسءول"],
    ["مسئول", "مسءول"],
    ["مستشفى", "مستشفي"],
    ["الكويـــت", "الكويت"],
    ["Kuwaiti HAJJ  Mission", "kuwaiti hajj mission"],
    ["١٤٤٦", "1446"],
    ["۱۴۴۶", "1446"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeForSearch(input)).toBe(expected);
  });

  it("makes hamza and ta marbuta variants equal", () => {
    expect(normalizeForSearch("بعثة الحج القطرية")).toBe(normalizeForSearch("بعثه الحج القطريه"));
    expect(normalizeForSearch("أحمد")).toBe(normalizeForSearch("احمد"));
  });
});

describe("searchTerms", () => {
  it("splits, trims punctuation and drops empties", () => {
    expect(searchTerms("  «الكويت»،  hajj-kw ")).toEqual(["الكويت", "hajj-kw"]);
  });
  it("keeps at most eight terms", () => {
    expect(searchTerms("a b c d e f g h i j")).toHaveLength(8);
  });
});
