import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { errorResponses, IdParams } from "../../lib/schemas.js";
import { requireActor } from "../../plugins/auth.js";
import type { AuthService } from "../auth/auth.service.js";
import type { CalendarService } from "./calendar.service.js";

const Ics = Type.String({ description: "text/calendar (RFC 5545)" });

export const calendarRoutes: FastifyPluginAsyncTypebox<{ service: CalendarService; auth: AuthService }> = async (app, { service, auth }) => {
  const tags = ["events"];

  app.get("/api/events/:id/calendar.ics", {
    config: { auth: "public" },
    schema: { tags, summary: "The event as an iCalendar file (VTIMEZONE of its zone, Hijri date in the description)", params: IdParams, response: { 200: Ics, ...errorResponses } },
  }, async (request, reply) => {
    const file = await service.eventIcs(request.actor, request.params.id);
    return reply
      .type("text/calendar; charset=utf-8")
      .header("content-disposition", `attachment; filename="${file.filename}"`)
      .send(file.body);
  });

  app.post("/api/me/calendar-feed", {
    schema: { tags: ["account"], summary: "Create (or replace) one's personal calendar feed URL", response: { 200: Type.Object({ url: Type.String() }), ...errorResponses } },
  }, async (request) => service.rotateFeed(requireActor(request)));

  app.get("/api/calendar/:file", {
    config: { auth: "public" },
    schema: {
      tags: ["account"],
      summary: "Personal calendar feed (the secret is the file name)",
      params: Type.Object({ file: Type.String({ pattern: "^cal_[A-Za-z0-9_-]{20,100}\\.ics$" }) }),
      response: { 200: Ics, ...errorResponses },
    },
  }, async (request, reply) => {
    const body = await service.feed(request.params.file.replace(/\.ics$/, ""), (userId) => auth.actorForUser(userId));
    return reply.type("text/calendar; charset=utf-8").send(body);
  });
};
