import type { FastifyInstance } from "fastify";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Deps } from "../../deps.js";
import { errorResponses, IdParams } from "../../lib/schemas.js";
import { requireActor } from "../../plugins/auth.js";
import type { EventsService } from "../events/events.service.js";
import { enrolmentsRoutes } from "./enrolments.routes.js";
import { createEnrolmentsService } from "./enrolments.service.js";
import { materialsRoutes } from "./materials.routes.js";
import { createMaterialsService } from "./materials.service.js";
import { CreateProgrammeSchema, EventProgrammesSchema, ProgrammeDetailSchema, ProgrammeListSchema, ProgrammeQuerySchema, UpdateProgrammeSchema, WorkshopsSchema } from "./programmes.schema.js";
import { createProgrammesService, type ProgrammesService } from "./programmes.service.js";

/** Training programmes: list, read, create, edit, publish, archive, and the workshops that deliver them. */
export const programmesRoutes: FastifyPluginAsyncTypebox<{ service: ProgrammesService }> = async (app, { service }) => {
  const tags = ["training"];
  const detail = { 200: ProgrammeDetailSchema, ...errorResponses };

  app.get("/api/training/programmes", {
    config: { auth: "public" },
    schema: { tags, summary: "Programmes the caller may read (drafts only to their managers)", querystring: ProgrammeQuerySchema, response: { 200: ProgrammeListSchema, ...errorResponses } },
  }, async (request) => service.findProgrammes(request.actor, request.query));

  app.post("/api/training/programmes", {
    schema: { tags, summary: "Create a draft programme led by the caller's organisation (coordinators, admins, trainers)", body: CreateProgrammeSchema, response: { 201: ProgrammeDetailSchema, ...errorResponses, 409: errorResponses[400] } },
  }, async (request, reply) => reply.status(201).send(await service.createProgramme(requireActor(request), request.body)));

  app.get("/api/training/programmes/:id", {
    config: { auth: "public" },
    schema: { tags, summary: "One programme: texts, owners, rule, survey, modules, workshops, the caller's enrolment and abilities", params: IdParams, response: detail },
  }, async (request) => service.getProgramme(request.actor, request.params.id));

  app.patch("/api/training/programmes/:id", {
    schema: { tags, summary: "Edit a programme (from the version read; lists given replace the whole list)", params: IdParams, body: UpdateProgrammeSchema, response: { ...detail, 409: errorResponses[400] } },
  }, async (request) => service.updateProgramme(requireActor(request), request.params.id, request.body));

  app.post("/api/training/programmes/:id/publish", {
    schema: { tags, summary: "Publish a draft programme", params: IdParams, response: detail },
  }, async (request) => service.setStatus(requireActor(request), request.params.id, "published"));

  app.post("/api/training/programmes/:id/unpublish", {
    schema: { tags, summary: "Take a programme back to draft", params: IdParams, response: detail },
  }, async (request) => service.setStatus(requireActor(request), request.params.id, "draft"));

  app.post("/api/training/programmes/:id/archive", {
    schema: { tags, summary: "Archive a programme (kept and readable, left out of lists, closed to enrolment)", params: IdParams, response: detail },
  }, async (request) => service.setArchived(requireActor(request), request.params.id, true));

  app.post("/api/training/programmes/:id/unarchive", {
    schema: { tags, summary: "Restore an archived programme", params: IdParams, response: detail },
  }, async (request) => service.setArchived(requireActor(request), request.params.id, false));

  app.put("/api/training/programmes/:id/workshops", {
    schema: { tags, summary: "The workshops (events of kind workshop) that deliver the programme", params: IdParams, body: WorkshopsSchema, response: detail },
  }, async (request) => service.setWorkshops(requireActor(request), request.params.id, request.body.eventIds));

  app.get("/api/events/:id/training-programmes", {
    config: { auth: "public" },
    schema: { tags: ["training", "events"], summary: "The training programmes (readable by the caller) a workshop delivers", params: IdParams, response: { 200: EventProgrammesSchema, ...errorResponses } },
  }, async (request) => service.programmesOfEvent(request.actor, request.params.id));
};

/** Registers programmes, modules and materials, and enrolments (the training plugin calls this). */
export async function registerProgrammeRoutes(app: FastifyInstance, { deps, events }: { deps: Deps; events: EventsService }): Promise<void> {
  await app.register(programmesRoutes, { service: createProgrammesService(deps, events) });
  await app.register(materialsRoutes, { service: createMaterialsService(deps) });
  await app.register(enrolmentsRoutes, { service: createEnrolmentsService(deps) });
}
