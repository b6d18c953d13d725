import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { LINK_TARGET_TYPES } from "../../../../common/followup.js";
import { ACCEPTED_EXTENSIONS, contentDisposition } from "../../lib/file-store.js";
import { errorResponses, IdParams, PageQuery, StringEnum } from "../../lib/schemas.js";
import { requireActor } from "../../plugins/auth.js";
import { Id } from "./common.schema.js";
import type { RecommendationsService } from "./recommendations.service.js";
import {
  CreateRecommendationSchema,
  CreateUpdateSchema,
  EvidenceFileSchema,
  EventRecommendationsSchema,
  LinkInputSchema,
  LinkSchema,
  LinkedQuerySchema,
  RecommendationListSchema,
  RecommendationQuerySchema,
  RecommendationSchema,
  RecommendationSummarySchema,
  TrackDecisionsSchema,
  TrackResultSchema,
  UpdateListSchema,
  UpdateRecommendationSchema,
  UpdateSchema,
} from "./recommendations.schema.js";

/** Recommendations: direct entry, tracking a meeting's decisions, status, timeline with evidence, links. */
export const recommendationsRoutes: FastifyPluginAsyncTypebox<{ service: RecommendationsService }> = async (app, { service }) => {
  const tags = ["follow-up"];
  const conflict = { 409: errorResponses[400] };
  const UpdateParams = Type.Object({ id: Id, updateId: Id });
  const FileParams = Type.Object({ id: Id, updateId: Id, fileId: Id });
  const LinkParams = Type.Object({ id: Id, targetType: StringEnum(LINK_TARGET_TYPES), targetId: Id });

  app.get("/api/recommendations", {
    schema: { tags, summary: "Recommendations the caller may read (filters, pages; newest first)", querystring: RecommendationQuerySchema, response: { 200: RecommendationListSchema, ...errorResponses } },
  }, async (request) => service.findRecommendations(requireActor(request), request.query));

  app.post("/api/recommendations", {
    schema: { tags, summary: "Enter a recommendation (coordinators; an organisation's admin for his own organisation)", body: CreateRecommendationSchema, response: { 201: RecommendationSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await service.createRecommendation(requireActor(request), request.body)));

  app.get("/api/recommendations/:id", {
    schema: { tags, summary: "One recommendation with its links, impact and abilities", params: IdParams, response: { 200: RecommendationSchema, ...errorResponses } },
  }, async (request) => service.getRecommendation(requireActor(request), request.params.id));

  app.patch("/api/recommendations/:id", {
    schema: { tags, summary: "Change texts, placement, responsibles, status or progress (send updatedAt as read)", params: IdParams, body: UpdateRecommendationSchema, response: { 200: RecommendationSchema, ...errorResponses, ...conflict } },
  }, async (request) => service.updateRecommendation(requireActor(request), request.params.id, request.body));

  app.post("/api/events/:id/decisions/track", {
    schema: { tags, summary: "Track a meeting's decisions as recommendations (idempotent)", params: IdParams, body: TrackDecisionsSchema, response: { 200: TrackResultSchema, ...errorResponses } },
  }, async (request) => service.trackDecisions(requireActor(request), request.params.id, request.body));

  app.get("/api/events/:id/recommendations", {
    schema: { tags, summary: "Recommendations an event serves and those that came out of it; its programmes", params: IdParams, response: { 200: EventRecommendationsSchema, ...errorResponses } },
  }, async (request) => service.eventRecommendations(requireActor(request), request.params.id));

  app.get("/api/recommendations/linked", {
    schema: {
      tags,
      summary: "Recommendations linked to a workshop or a training programme (both readable by the caller)",
      querystring: LinkedQuerySchema,
      response: { 200: Type.Object({ items: Type.Array(RecommendationSummarySchema) }), ...errorResponses },
    },
  }, async (request) => service.linkedRecommendations(requireActor(request), request.query.targetType, request.query.targetId));

  app.get("/api/recommendations/:id/updates", {
    schema: { tags, summary: "The timeline, newest first", params: IdParams, querystring: Type.Object({ ...PageQuery }), response: { 200: UpdateListSchema, ...errorResponses } },
  }, async (request) => service.listUpdates(requireActor(request), request.params.id, request.query));

  app.post("/api/recommendations/:id/updates", {
    schema: { tags, summary: "Report progress with evidence (text, links; optionally progress and status)", params: IdParams, body: CreateUpdateSchema, response: { 201: UpdateSchema, ...errorResponses, ...conflict } },
  }, async (request, reply) => reply.status(201).send(await service.addUpdate(requireActor(request), request.params.id, request.body)));

  // The upload's body is the file itself (fetch(url, { body: file })), streamed to disk.
  await app.register(async (scope) => {
    const upload = scope.withTypeProvider<TypeBoxTypeProvider>();
    upload.addContentTypeParser("*", (_request, _payload, done) => done(null));
    upload.post("/api/recommendations/:id/updates/:updateId/files", {
      schema: {
        tags,
        summary: `Attach an evidence file to a timeline entry (body: the file's bytes; accepted: ${ACCEPTED_EXTENSIONS.join(", ")})`,
        consumes: ["application/octet-stream"],
        params: UpdateParams,
        querystring: Type.Object({ fileName: Type.String({ minLength: 1, maxLength: 255 }) }),
        response: { 201: EvidenceFileSchema, ...errorResponses, 413: errorResponses[400] },
      },
    }, async (request, reply) => {
      const length = request.headers["content-length"];
      const created = await service.uploadFile(requireActor(request), request.params.id, request.params.updateId, {
        fileName: request.query.fileName,
        declaredSize: length ? Number(length) : null,
        body: request.raw,
      });
      return reply.status(201).send(created);
    });
  });

  app.get("/api/recommendations/:id/updates/:updateId/files/:fileId", {
    schema: { tags, summary: "Download an evidence file", params: FileParams, response: { 200: Type.Unsafe({ type: "string", format: "binary" }), ...errorResponses } },
  }, async (request, reply) => {
    const file = await service.openFile(requireActor(request), request.params.id, request.params.updateId, request.params.fileId);
    return reply
      .header("content-type", file.contentType)
      .header("content-length", file.size)
      .header("content-disposition", contentDisposition(file.fileName))
      .header("cache-control", "private, no-store")
      .send(file.stream);
  });

  app.post("/api/recommendations/:id/links", {
    schema: { tags, summary: "Link a workshop (event) that implements the recommendation", params: IdParams, body: LinkInputSchema, response: { 201: Type.Object({ links: Type.Array(LinkSchema) }), ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await service.addLink(requireActor(request), request.params.id, request.body)));

  app.delete("/api/recommendations/:id/links/:targetType/:targetId", {
    schema: { tags, summary: "Remove a link", params: LinkParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await service.removeLink(requireActor(request), request.params.id, request.params.targetType, request.params.targetId);
    return reply.status(204).send(null);
  });
};
