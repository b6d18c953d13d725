import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import en from "./en.json" with { type: "json" };
import ar from "./ar.json" with { type: "json" };

type Catalog = { [key: string]: string | Catalog };

/** Every leaf of a nested catalog as "a.b.c" → message. */
function flatten(catalog: Catalog, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

// Element types of intl-messageformat's AST (see @formatjs/icu-messageformat-parser TYPE).
const SELECT = 5;
const PLURAL = 6;
const TAG = 8;

interface AstNode {
  type: number;
  value?: string;
  options?: Record<string, { value: AstNode[] }>;
  children?: AstNode[];
}

/** Each plural in the message (nested ones included): its argument and categories. */
function plurals(nodes: AstNode[]): { argument: string; categories: string[] }[] {
  const found: { argument: string; categories: string[] }[] = [];
  for (const node of nodes) {
    if (node.type === PLURAL && node.options) found.push({ argument: String(node.value), categories: Object.keys(node.options) });
    if ((node.type === PLURAL || node.type === SELECT) && node.options) {
      for (const option of Object.values(node.options)) found.push(...plurals(option.value));
    }
    if (node.type === TAG && node.children) found.push(...plurals(node.children));
  }
  return found;
}

function ast(message: string, locale: string): AstNode[] {
  return new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst() as unknown as AstNode[];
}

const enMessages = flatten(en as Catalog);
const arMessages = flatten(ar as Catalog);

describe("message catalogs", () => {
  it("have the same keys in Arabic and English", () => {
    const onlyEn = [...enMessages.keys()].filter((k) => !arMessages.has(k));
    const onlyAr = [...arMessages.keys()].filter((k) => !enMessages.has(k));
    expect({ onlyEn, onlyAr }).toEqual({ onlyEn: [], onlyAr: [] });
  });

  it("hold only non-empty strings", () => {
    const empty = [...enMessages, ...arMessages].filter(([, v]) => v.trim() === "").map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it("parse as ICU messages in both languages", () => {
    const broken: string[] = [];
    for (const [locale, messages] of [["en", enMessages], ["ar", arMessages]] as const) {
      for (const [key, message] of messages) {
        try {
          ast(message, locale);
        } catch (error) {
          broken.push(`${locale}:${key}: ${(error as Error).message}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it("give every Arabic plural all six categories: zero one two few many other", () => {
    const required = ["zero", "one", "two", "few", "many", "other"];
    const incomplete: string[] = [];
    for (const [key, message] of arMessages) {
      for (const plural of plurals(ast(message, "ar"))) {
        const missing = required.filter((c) => !plural.categories.includes(c));
        if (missing.length) incomplete.push(`${key} {${plural.argument}}: missing ${missing.join(", ")}`);
      }
    }
    expect(incomplete).toEqual([]);
  });

  it("use the same arguments in both languages", () => {
    const argumentsOf = (message: string, locale: string) => {
      const names = new Set<string>();
      const walk = (nodes: AstNode[]) => {
        for (const node of nodes) {
          if (node.type >= 1 && node.type <= 6 && node.value) names.add(node.value);
          if (node.options) for (const option of Object.values(node.options)) walk(option.value);
          if (node.children) walk(node.children);
        }
      };
      walk(ast(message, locale));
      return [...names].sort();
    };
    const differing: string[] = [];
    for (const [key, message] of enMessages) {
      const other = arMessages.get(key);
      if (other === undefined) continue;
      const a = argumentsOf(message, "en");
      const b = argumentsOf(other, "ar");
      if (a.join() !== b.join()) differing.push(`${key}: en {${a.join(", ")}} ≠ ar {${b.join(", ")}}`);
    }
    expect(differing).toEqual([]);
  });
});
