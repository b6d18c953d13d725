import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { errorResponses, IdParams, Nullable, OrgRefSchema, StringEnum } from "../../lib/schemas.js";
import { requireActor } from "../../plugins/auth.js";
import type { AttendanceService } from "./attendance.service.js";

const ROLES = ["leader", "delegate", "registrant", "trainee", "unexpected"] as const;
const STATUSES = ["new", "already", "unmatched", "invalid", "repeat", "too_short"] as const;
const Tally = { expected: Type.Integer(), attended: Type.Integer() };

const AttendanceSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      key: Type.String({ description: "p:<personId> or u:<userId>" }),
      nameAr: Type.String(),
      nameEn: Type.String(),
      email: Nullable(Type.String()),
      role: StringEnum(ROLES),
      organisation: OrgRefSchema,
      country: Nullable(Type.String()),
      checkedInAt: Nullable(Type.String()),
      source: Nullable(Type.String({ description: "organiser, self or import" })),
      minutes: Nullable(Type.Integer()),
    }),
  ),
  totals: Type.Object(Tally),
  byOrganisation: Type.Array(Type.Object({ organisation: OrgRefSchema, country: Nullable(Type.String()), ...Tally })),
  byCountry: Type.Array(Type.Object({ country: Nullable(Type.String()), nameAr: Nullable(Type.String()), nameEn: Nullable(Type.String()), organisations: Type.Integer(), ...Tally })),
});

const ImportSchema = Type.Object({
  csv: Type.String({ minLength: 1, maxLength: 4_000_000, description: "The report's text (CSV, semicolon- or tab-separated)" }),
  minMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 1440, description: "Lines with fewer minutes connected are not counted" })),
  commit: Type.Boolean({ description: "false: preview only, nothing is written" }),
});

const ImportResultSchema = Type.Object({
  columns: Type.Object({ name: Nullable(Type.String()), email: Nullable(Type.String()), minutes: Nullable(Type.String()) }),
  rows: Type.Array(
    Type.Object({
      line: Type.Integer(),
      name: Type.String(),
      email: Type.String(),
      minutes: Nullable(Type.Integer()),
      status: StringEnum(STATUSES),
      message: Nullable(Type.String()),
      attendee: Nullable(Type.Object({ key: Type.String(), nameAr: Type.String(), nameEn: Type.String(), organisationId: Type.String() })),
    }),
  ),
  summary: Type.Object(Object.fromEntries(STATUSES.map((s) => [s, Type.Integer()])) as Record<(typeof STATUSES)[number], ReturnType<typeof Type.Integer>>),
  committed: Type.Boolean(),
  written: Type.Integer(),
});

export const attendanceRoutes: FastifyPluginAsyncTypebox<{ service: AttendanceService }> = async (app, { service }) => {
  const tags = ["attendance"];
  const KeyParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), key: Type.String({ minLength: 3, maxLength: 80 }) });

  app.get("/api/events/:id/attendance", {
    schema: { tags, summary: "Who is expected and who attended, per organisation and per country (organisers)", params: IdParams, querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })) }), response: { 200: AttendanceSchema, ...errorResponses } },
  }, async (request) => service.list(requireActor(request), request.params.id, request.query.q));

  app.put("/api/events/:id/attendance/:key", {
    schema: { tags, summary: "Check someone expected in (organisers)", params: KeyParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await service.checkIn(requireActor(request), request.params.id, request.params.key);
    return reply.status(204).send(null);
  });

  app.delete("/api/events/:id/attendance/:key", {
    schema: { tags, summary: "Undo a check-in (organisers)", params: KeyParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await service.undoCheckIn(requireActor(request), request.params.id, request.params.key);
    return reply.status(204).send(null);
  });

  app.post("/api/events/:id/attendance/import", {
    bodyLimit: 5 * 1024 * 1024,
    schema: { tags, summary: "Import a virtual platform's attendance report (preview with commit=false)", params: IdParams, body: ImportSchema, response: { 200: ImportResultSchema, ...errorResponses } },
  }, async (request) => service.importReport(requireActor(request), request.params.id, request.body));

  app.get("/api/events/:id/check-in-link", {
    schema: { tags, summary: "The self check-in link the event's QR code carries (organisers)", params: IdParams, response: { 200: Type.Object({ url: Type.String(), opensAt: Type.String(), closesAt: Type.String() }), ...errorResponses } },
  }, async (request) => service.checkInLink(requireActor(request), request.params.id));

  app.post("/api/events/:id/check-in", {
    schema: {
      tags,
      summary: "Check oneself in with the code of the event's QR",
      params: IdParams,
      body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 200 }) }),
      response: { 200: Type.Object({ checkedInAt: Type.String(), nameAr: Type.String(), nameEn: Type.String(), titleAr: Type.String(), titleEn: Type.String() }), ...errorResponses, 409: errorResponses[400] },
    },
  }, async (request) => service.selfCheckIn(requireActor(request), request.params.id, request.body.code));
};
