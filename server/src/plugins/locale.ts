import fp from "fastify-plugin";
import type { Locale } from "../../../common/roles.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The language of answers to this request (user setting, cookie, Accept-Language; default ar). */
    locale: Locale;
  }
}

function fromAcceptLanguage(header: string | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, q] = part.trim().split(";q=");
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("ar")) return "ar";
    if (tag.startsWith("en")) return "en";
  }
  return null;
}

/** Decides `request.locale` before authentication; auth overrides it with the user's setting. */
export const localePlugin = fp(async (app) => {
  app.decorateRequest("locale", "ar");
  app.addHook("onRequest", async (request) => {
    const cookie = request.cookies?.rifada_lang;
    request.locale =
      cookie === "ar" || cookie === "en" ? cookie : (fromAcceptLanguage(request.headers["accept-language"]) ?? "ar");
  });
}, { name: "locale", dependencies: ["@fastify/cookie"] });
