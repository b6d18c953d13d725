/**
 * Grading of test answers (common/training.ts): numbers compared exactly within their tolerance,
 * whatever digits the trainee typed; choice questions all or nothing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCorrect, normaliseDecimal, pointsFor, type AnswerResponse } from "./training.js";

const ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩";
const PERSIAN = "۰۱۲۳۴۵۶۷۸۹";
const toDigits = (latin: string, digits: string) => latin.replace(/\d/g, (d) => digits[Number(d)]!);

/** A decimal as a string, and its exact value scaled by 10^6 (six decimals at most). */
const decimal = fc
  .record({ negative: fc.boolean(), whole: fc.bigInt({ min: 0n, max: 10n ** 12n }), fraction: fc.integer({ min: 0, max: 999_999 }), places: fc.integer({ min: 0, max: 6 }) })
  .map(({ negative, whole, fraction, places }) => {
    const frac = places === 0 ? "" : String(fraction).padStart(6, "0").slice(0, places);
    const text = `${negative ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`;
    const scaled = (whole * 1_000_000n + BigInt(frac.padEnd(6, "0") || "0")) * (negative ? -1n : 1n);
    return { text, scaled };
  });

const numeric = (value: string, tolerance: string) => ({ kind: "numeric" as const, answerKey: { value, tolerance } });

describe("normaliseDecimal", () => {
  it("reads Arabic-Indic and Persian digits, the Arabic decimal separator and comma, and direction marks", () => {
    expect(normaliseDecimal("٥٧")).toBe("57");
    expect(normaliseDecimal("۵۷٫۵")).toBe("57.5");
    expect(normaliseDecimal("١٬٢٣٤٫٥")).toBe("1234.5");
    expect(normaliseDecimal("٥٧،٥")).toBe("57.5");
    expect(normaliseDecimal(" \u200F٥٧\u200F ")).toBe("57");
    expect(normaliseDecimal("\u2212٣")).toBe("-3");
    expect(normaliseDecimal("+3")).toBe("3");
    expect(normaliseDecimal(".5")).toBe("0.5");
    expect(normaliseDecimal("-.5")).toBe("-0.5");
    expect(normaliseDecimal("5.")).toBe("5");
  });

  it("refuses what is not one decimal number", () => {
    for (const bad of ["", " ", "-", ".", "1e3", "1.2.3", "abc", "٥x", "--1", "1-", "0x10", "Infinity", "NaN"]) expect(normaliseDecimal(bad), bad).toBeNull();
  });

  it("gives the same number whatever digits it was typed in", () => {
    fc.assert(
      fc.property(decimal, ({ text }) => {
        const latin = normaliseDecimal(text);
        expect(latin).toBe(text);
        expect(normaliseDecimal(toDigits(text, ARABIC_INDIC).replace(".", "٫"))).toBe(latin);
        expect(normaliseDecimal(toDigits(text, PERSIAN))).toBe(latin);
      }),
    );
  });
});

describe("isCorrect", () => {
  it("takes a number within the tolerance, compared exactly (no floating point)", () => {
    expect(isCorrect(numeric("0.3", "0"), { value: "0.3" })).toBe(true);
    // 0.1 + 0.2 in floating point is 0.30000000000000004.
    expect(isCorrect(numeric("0.30000000000000004", "0"), { value: "0.3" })).toBe(false);
    expect(isCorrect(numeric("57", "0.5"), { value: "٥٧٫٥" })).toBe(true);
    expect(isCorrect(numeric("57", "0.5"), { value: "57.5000001" })).toBe(false);
    expect(isCorrect(numeric("57", "0.5"), { value: "56.5" })).toBe(true);
    expect(isCorrect(numeric("-2.5", "0"), { value: "-2.50" })).toBe(true);
    expect(isCorrect(numeric("0", "0"), { value: "-0" })).toBe(true);
    expect(isCorrect(numeric("57", "0"), { value: "" })).toBe(false);
    expect(isCorrect(numeric("57", "0"), { optionIds: ["a"] })).toBe(false);
  });

  it("agrees with exact arithmetic: correct exactly when |given − key| ≤ tolerance", () => {
    fc.assert(
      fc.property(decimal, decimal, decimal, (given, key, tol) => {
        const tolerance = tol.text.replace(/^-/, "");
        const toleranceScaled = tol.scaled < 0n ? -tol.scaled : tol.scaled;
        const diff = given.scaled - key.scaled;
        const expected = (diff < 0n ? -diff : diff) <= toleranceScaled;
        expect(isCorrect(numeric(key.text, tolerance), { value: given.text })).toBe(expected);
        expect(isCorrect(numeric(key.text, tolerance), { value: toDigits(given.text, ARABIC_INDIC) })).toBe(expected);
      }),
    );
  });

  it("grades choice questions all or nothing, in any order", () => {
    const multiple = { kind: "multiple" as const, answerKey: { optionIds: ["a", "b", "d"] } };
    expect(isCorrect(multiple, { optionIds: ["d", "a", "b"] })).toBe(true);
    expect(isCorrect(multiple, { optionIds: ["a", "b"] })).toBe(false);
    expect(isCorrect(multiple, { optionIds: ["a", "b", "c", "d"] })).toBe(false);
    const single = { kind: "single" as const, answerKey: { optionIds: ["a"] } };
    expect(isCorrect(single, { optionIds: ["a", "b"] })).toBe(false);
    expect(isCorrect(single, { optionIds: ["a", "a"] })).toBe(true);
    expect(isCorrect({ kind: "true_false", answerKey: { optionIds: ["false"] } }, { optionIds: ["false"] })).toBe(true);
    expect(isCorrect(single, { value: "1" })).toBe(false);
    expect(isCorrect(single, null)).toBe(false);
  });

  it("never counts an empty choice as right, even against an empty key", () => {
    expect(isCorrect({ kind: "multiple", answerKey: { optionIds: [] } }, { optionIds: [] })).toBe(false);
    expect(isCorrect({ kind: "single", answerKey: { optionIds: [] } }, { optionIds: [] })).toBe(false);
  });

  it("is correct for a multiple-choice answer exactly when it is the key's set", () => {
    const ids = ["a", "b", "c", "d", "e", "f", "g", "h"];
    fc.assert(
      fc.property(fc.subarray(ids, { minLength: 1 }), fc.subarray(ids), fc.boolean(), (key, chosen, reversed) => {
        const response: AnswerResponse = { optionIds: reversed ? [...chosen].reverse() : chosen };
        const same = key.length === chosen.length && key.every((id) => chosen.includes(id));
        expect(isCorrect({ kind: "multiple", answerKey: { optionIds: key } }, response)).toBe(same);
        expect(pointsFor({ kind: "multiple", points: 3, answerKey: { optionIds: key } }, response)).toBe(same ? 3 : 0);
      }),
    );
  });
});
