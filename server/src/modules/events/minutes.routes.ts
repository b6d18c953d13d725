import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { contentDisposition } from "../../lib/file-store.js";
import { Type } from "typebox";
import { errorResponses, IdParams, Nullable, OrgRefSchema, StringEnum } from "../../lib/schemas.js";
import { requireActor } from "../../plugins/auth.js";
import { ACCEPTED_EXTENSIONS, ATTACHMENT_TARGETS, type AttachmentsService } from "./attachments.service.js";
import type { MinutesService } from "./minutes.service.js";

const AttachmentSchema = Type.Object({
  id: Type.String(),
  target: StringEnum(ATTACHMENT_TARGETS),
  agendaItemId: Nullable(Type.String()),
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  createdAt: Type.String(),
  uploadedBy: Nullable(Type.String()),
  url: Type.String(),
});

const DecisionSchema = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  reference: Nullable(Type.String()),
  textAr: Type.String(),
  textEn: Type.String(),
  dueOn: Nullable(Type.String()),
  responsible: Nullable(OrgRefSchema),
});

const MinutesSchema = Type.Object({
  bodyHtml: Type.String(),
  version: Type.Integer({ description: "0 when nothing was saved yet; send it back when saving" }),
  updatedAt: Nullable(Type.String()),
  updatedBy: Nullable(Type.String()),
  decisions: Type.Array(DecisionSchema),
  attachments: Type.Array(AttachmentSchema),
  abilities: Type.Object({ edit: Type.Boolean() }),
});

const PutMinutesSchema = Type.Object({
  bodyHtml: Type.String({ maxLength: 200_000, description: "Rich text; sanitised on save" }),
  version: Type.Integer({ minimum: 0 }),
  decisions: Type.Array(
    Type.Object({
      id: Type.Optional(Type.String({ maxLength: 64 })),
      reference: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
      textAr: Type.String({ maxLength: 4000 }),
      textEn: Type.String({ maxLength: 4000 }),
      responsibleOrganisationId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
      dueOn: Type.Optional(Nullable(Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Gregorian date" }))),
    }, { additionalProperties: false }),
    { maxItems: 200 },
  ),
}, { additionalProperties: false });

export const minutesRoutes: FastifyPluginAsyncTypebox<{ minutes: MinutesService; attachments: AttachmentsService }> = async (app, { minutes, attachments }) => {
  const tags = ["minutes"];
  const FileParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), attachmentId: Type.String({ minLength: 1, maxLength: 64 }) });

  app.get("/api/events/:id/minutes", {
    schema: { tags, summary: "Minutes, decisions and the minutes' files (host, coordinators, invited organisations)", params: IdParams, response: { 200: MinutesSchema, ...errorResponses } },
  }, async (request) => minutes.get(requireActor(request), request.params.id));

  app.put("/api/events/:id/minutes", {
    schema: { tags, summary: "Save the minutes and their decisions (409 if someone saved since `version`)", params: IdParams, body: PutMinutesSchema, response: { 200: MinutesSchema, ...errorResponses, 409: errorResponses[400] } },
  }, async (request) => minutes.save(requireActor(request), request.params.id, request.body));

  app.get("/api/events/:id/attachments", {
    config: { auth: "public" },
    schema: { tags, summary: "Files of the event, its agenda and (for those who may read them) its minutes", params: IdParams, response: { 200: Type.Object({ items: Type.Array(AttachmentSchema), abilities: Type.Object({ upload: Type.Boolean() }) }), ...errorResponses } },
  }, async (request) => attachments.list(request.actor, request.params.id));

  // The upload's body is the file itself (fetch(url, { body: file })), streamed to disk.
  await app.register(async (scope) => {
    const upload = scope.withTypeProvider<TypeBoxTypeProvider>();
    upload.addContentTypeParser("*", (_request, _payload, done) => done(null));
    upload.post("/api/events/:id/attachments", {
      schema: {
        tags,
        summary: `Upload a file (body: the file's bytes; accepted: ${ACCEPTED_EXTENSIONS.join(", ")})`,
        consumes: ["application/octet-stream"],
        params: IdParams,
        querystring: Type.Object({
          target: StringEnum(ATTACHMENT_TARGETS),
          agendaItemId: Type.Optional(Type.String({ maxLength: 64 })),
          fileName: Type.String({ minLength: 1, maxLength: 255 }),
        }),
        response: { 201: AttachmentSchema, ...errorResponses, 413: errorResponses[400] },
      },
    }, async (request, reply) => {
      const length = request.headers["content-length"];
      const created = await attachments.upload(requireActor(request), request.params.id, {
        ...request.query,
        declaredSize: length ? Number(length) : null,
        body: request.raw,
      });
      return reply.status(201).send(created);
    });
  });

  app.get("/api/events/:id/attachments/:attachmentId", {
    config: { auth: "public" },
    schema: { tags, summary: "Download a file", params: FileParams, response: { 200: Type.Unsafe({ type: "string", format: "binary" }), ...errorResponses } },
  }, async (request, reply) => {
    const file = await attachments.open(request.actor, request.params.id, request.params.attachmentId);
    return reply
      .header("content-type", file.contentType)
      .header("content-length", file.size)
      .header("content-disposition", contentDisposition(file.fileName))
      .header("cache-control", "private, no-store")
      .send(file.stream);
  });

  app.delete("/api/events/:id/attachments/:attachmentId", {
    schema: { tags, summary: "Remove a file", params: FileParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await attachments.remove(requireActor(request), request.params.id, request.params.attachmentId);
    return reply.status(204).send(null);
  });
};
