import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { errorResponses, IdParams } from "../../lib/schemas.js";
import { requireActor } from "../../plugins/auth.js";
import type { PeopleService } from "./people.service.js";
import { CreatePersonSchema, PersonListSchema, PersonQuerySchema, PersonSchema, UpdatePersonSchema } from "./people.schema.js";

export const peopleRoutes: FastifyPluginAsyncTypebox<{ service: PeopleService }> = async (app, { service }) => {
  const tags = ["directory"];

  app.get("/api/people", {
    config: { auth: "public" },
    schema: { tags, summary: "People the caller may read (search, filters, pages)", querystring: PersonQuerySchema, response: { 200: PersonListSchema, ...errorResponses } },
  }, async (request) => service.findPeople(request.actor, request.query, request.locale));

  app.get("/api/people/:id", {
    config: { auth: "public" },
    schema: { tags, summary: "One person", params: IdParams, response: { 200: PersonSchema, ...errorResponses } },
  }, async (request) => service.getPerson(request.actor, request.params.id));

  app.post("/api/people", {
    schema: { tags, summary: "Add a person to an organisation", body: CreatePersonSchema, response: { 201: PersonSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await service.createPerson(requireActor(request), request.body)));

  app.patch("/api/people/:id", {
    schema: { tags, summary: "Update a person", params: IdParams, body: UpdatePersonSchema, response: { 200: PersonSchema, ...errorResponses } },
  }, async (request) => service.updatePerson(requireActor(request), request.params.id, request.body));

  app.post("/api/people/:id/archive", {
    schema: { tags, summary: "Archive a person (kept, hidden from lists)", params: IdParams, response: { 200: PersonSchema, ...errorResponses } },
  }, async (request) => service.setPersonArchived(requireActor(request), request.params.id, true));

  app.post("/api/people/:id/restore", {
    schema: { tags, summary: "Restore an archived person", params: IdParams, response: { 200: PersonSchema, ...errorResponses } },
  }, async (request) => service.setPersonArchived(requireActor(request), request.params.id, false));
};
