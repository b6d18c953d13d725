import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { errorResponses, IdParams } from "../../lib/schemas.js";
import { requireActor } from "../../plugins/auth.js";
import type { ProgrammesService } from "./programmes.service.js";
import { CreateProgrammeSchema, ProgrammeListSchema, ProgrammeQuerySchema, ProgrammeSchema, UpdateProgrammeSchema } from "./programmes.schema.js";

/** Cooperation programmes: parties and signatories, areas of cooperation, the workshops under them. */
export const programmesRoutes: FastifyPluginAsyncTypebox<{ service: ProgrammesService }> = async (app, { service }) => {
  const tags = ["follow-up"];

  app.get("/api/programmes", {
    schema: { tags, summary: "Cooperation programmes the caller may read", querystring: ProgrammeQuerySchema, response: { 200: ProgrammeListSchema, ...errorResponses } },
  }, async (request) => service.findProgrammes(requireActor(request), request.query));

  app.post("/api/programmes", {
    schema: { tags, summary: "Create a cooperation programme (coordinators)", body: CreateProgrammeSchema, response: { 201: ProgrammeSchema, ...errorResponses, 409: errorResponses[400] } },
  }, async (request, reply) => reply.status(201).send(await service.createProgramme(requireActor(request), request.body)));

  app.get("/api/programmes/:id", {
    schema: { tags, summary: "One programme with its parties, areas and events", params: IdParams, response: { 200: ProgrammeSchema, ...errorResponses } },
  }, async (request) => service.getProgramme(requireActor(request), request.params.id));

  app.patch("/api/programmes/:id", {
    schema: { tags, summary: "Edit a programme (lists given replace the whole list; areas keep their ids)", params: IdParams, body: UpdateProgrammeSchema, response: { 200: ProgrammeSchema, ...errorResponses, 409: errorResponses[400] } },
  }, async (request) => service.updateProgramme(requireActor(request), request.params.id, request.body));

  app.post("/api/programmes/:id/archive", {
    schema: { tags, summary: "Archive a programme (kept and readable, left out of lists; coordinators)", params: IdParams, response: { 200: ProgrammeSchema, ...errorResponses } },
  }, async (request) => service.setArchived(requireActor(request), request.params.id, true));

  app.post("/api/programmes/:id/restore", {
    schema: { tags, summary: "Restore an archived programme (coordinators)", params: IdParams, response: { 200: ProgrammeSchema, ...errorResponses } },
  }, async (request) => service.setArchived(requireActor(request), request.params.id, false));
};
