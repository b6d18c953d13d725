import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyReply } from "fastify";
import { Type } from "typebox";
import { errorResponses, IdParams } from "../../lib/schemas.js";
import { requireActor } from "../../plugins/auth.js";
import type { Actor } from "../../policies/index.js";
import { SESSION_COOKIE, type AuthService } from "./auth.service.js";
import {
  AcceptInvitationSchema,
  ApiTokenSchema,
  ChangePasswordSchema,
  CompleteResetSchema,
  CreatedTokenSchema,
  CreateTokenSchema,
  InvitationViewSchema,
  LoginSchema,
  MeSchema,
  ResetViewSchema,
  SessionSchema,
  SignedInSchema,
  TokenParams,
  UpdateMeSchema,
} from "./auth.schema.js";

export const authRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; secureCookies: boolean; sessionAbsoluteHours: number }> = async (
  app,
  { auth, secureCookies, sessionAbsoluteHours },
) => {
  const tags = ["auth"];

  function setSessionCookie(reply: FastifyReply, token: string) {
    reply.setCookie(SESSION_COOKIE, token, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: secureCookies,
      maxAge: sessionAbsoluteHours * 3600,
    });
  }

  async function signedIn(reply: FastifyReply, result: { token: string; actor: Actor }) {
    setSessionCookie(reply, result.token);
    return { user: await auth.presentMe(result.actor), csrfToken: result.actor.csrfToken! };
  }

  app.get("/api/auth/session", {
    config: { auth: "public" },
    schema: { tags, summary: "The signed-in user and CSRF token, if any", response: { 200: SessionSchema } },
  }, async (request) => {
    if (!request.actor) return { user: null, csrfToken: null };
    return { user: await auth.presentMe(request.actor), csrfToken: request.actor.csrfToken };
  });

  app.post("/api/auth/login", {
    config: { auth: "public" },
    schema: { tags, summary: "Sign in with email and password", body: LoginSchema, response: { 200: SignedInSchema, ...errorResponses, 429: errorResponses[400] } },
  }, async (request, reply) => {
    const result = await auth.login({
      email: request.body.email,
      password: request.body.password,
      ip: request.ip,
      userAgent: request.headers["user-agent"],
      replacesSessionId: request.actor?.sessionId ?? null,
    });
    return signedIn(reply, result);
  });

  app.post("/api/auth/logout", {
    config: { auth: "public" },
    schema: { tags, summary: "End the current session", response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await auth.logout(request.actor);
    reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax", secure: secureCookies });
    return reply.status(204).send(null);
  });

  app.post("/api/auth/password", {
    schema: { tags, summary: "Change one's password (ends every other session)", body: ChangePasswordSchema, response: { 200: SignedInSchema, ...errorResponses } },
  }, async (request, reply) => {
    const result = await auth.changePassword(requireActor(request), { ...request.body, ip: request.ip, userAgent: request.headers["user-agent"] });
    return signedIn(reply, result);
  });

  app.get("/api/auth/invitations/:token", {
    config: { auth: "public" },
    schema: { tags, summary: "Look at an invitation before accepting it", params: TokenParams, response: { 200: InvitationViewSchema, 410: errorResponses[400] } },
  }, async (request) => auth.getInvitation(request.params.token));

  app.post("/api/auth/invitations/accept", {
    config: { auth: "public" },
    schema: { tags, summary: "Accept an invitation: create the account and sign in", body: AcceptInvitationSchema, response: { 200: SignedInSchema, ...errorResponses, 410: errorResponses[400] } },
  }, async (request, reply) => {
    const result = await auth.acceptInvitation({ ...request.body, locale: request.locale, ip: request.ip, userAgent: request.headers["user-agent"] });
    return signedIn(reply, result);
  });

  app.get("/api/auth/password-reset/:token", {
    config: { auth: "public" },
    schema: { tags, summary: "Look at a password-reset link", params: TokenParams, response: { 200: ResetViewSchema, 410: errorResponses[400] } },
  }, async (request) => auth.getPasswordReset(request.params.token));

  app.post("/api/auth/password-reset/complete", {
    config: { auth: "public" },
    schema: { tags, summary: "Set a new password with a reset link", body: CompleteResetSchema, response: { 204: Type.Null(), ...errorResponses, 410: errorResponses[400] } },
  }, async (request, reply) => {
    await auth.completePasswordReset(request.body);
    return reply.status(204).send(null);
  });

  app.patch("/api/me", {
    schema: { tags: ["account"], summary: "Update one's name, language or digits", body: UpdateMeSchema, response: { 200: MeSchema, ...errorResponses } },
  }, async (request) => auth.updateMe(requireActor(request), request.body));

  app.get("/api/me/tokens", {
    schema: { tags: ["account"], summary: "One's personal API tokens", response: { 200: Type.Object({ items: Type.Array(ApiTokenSchema) }) } },
  }, async (request) => ({ items: await auth.listTokens(requireActor(request)) }));

  app.post("/api/me/tokens", {
    schema: { tags: ["account"], summary: "Create a personal API token (shown once)", body: CreateTokenSchema, response: { 201: CreatedTokenSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await auth.createToken(requireActor(request), request.body)));

  app.delete("/api/me/tokens/:id", {
    schema: { tags: ["account"], summary: "Revoke a personal API token", params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await auth.revokeToken(requireActor(request), request.params.id);
    return reply.status(204).send(null);
  });
};
