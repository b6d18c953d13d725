import fp from "fastify-plugin";
import type { FastifyRequest } from "fastify";
import { AppError } from "../lib/errors.js";
import { safeEqual } from "../lib/tokens.js";
import type { Actor } from "../policies/index.js";
import { SESSION_COOKIE, type AuthService } from "../modules/auth/auth.service.js";

declare module "fastify" {
  interface FastifyRequest {
    /** Who the request acts for; null when anonymous. */
    actor: Actor | null;
    /** A session cookie was sent but the session had ended. */
    sessionExpired: boolean;
  }
  interface FastifyContextConfig {
    /** "public": anonymous callers allowed (the service still authorizes). Default: signed in. */
    auth?: "public" | "user";
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The signed-in actor of a request, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError(request.sessionExpired ? "SESSION_EXPIRED" : "UNAUTHENTICATED");
  return request.actor;
}

function originMatches(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * Resolves `request.actor` from a bearer API token or the session cookie,
 * enforces CSRF on cookie-authenticated writes, and requires sign-in on
 * every route not marked `config.auth = "public"`.
 */
export const authPlugin = fp<{ auth: AuthService; secureCookies: boolean }>(async (app, { auth, secureCookies }) => {
  app.decorateRequest("actor", null);
  app.decorateRequest("sessionExpired", false);

  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith("/api/")) return;
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const actor = match ? await auth.resolveApiToken(match[1]) : null;
      if (!actor) throw new AppError("UNAUTHENTICATED");
      request.actor = actor;
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) {
        const resolved = await auth.resolveSession(cookie);
        if (resolved === "expired" || resolved === null) {
          request.sessionExpired = resolved === "expired";
          reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax", secure: secureCookies });
        } else {
          request.actor = resolved;
        }
      }
    }
    if (request.actor) request.locale = request.actor.locale;
    // Sign-in is checked before the body is validated: anonymous callers learn nothing about a route's input.
    if (request.routeOptions.config?.auth !== "public" && request.routeOptions.url) requireActor(request);

    if (!SAFE_METHODS.has(request.method)) {
      // Browsers send Origin on cross-site writes; refuse those outright.
      if (!originMatches(request)) throw new AppError("CSRF_INVALID");
      if (request.actor?.via === "session") {
        const sent = request.headers["x-csrf-token"];
        if (typeof sent !== "string" || !safeEqual(sent, request.actor.csrfToken ?? "")) throw new AppError("CSRF_INVALID");
      }
    }
  });


  app.addHook("onSend", async (request, reply, payload) => {
    if (request.url.startsWith("/api/")) {
      // API answers depend on who asks: never cache them anywhere.
      reply.header("cache-control", "no-store");
    }
    return payload;
  });
}, { name: "auth", dependencies: ["@fastify/cookie"] });
