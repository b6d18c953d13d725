import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { errorResponses, IdParams } from "../../lib/schemas.js";
import { requireActor } from "../../plugins/auth.js";
import type { OrganisationsService } from "./organisations.service.js";
import {
  CreateOrganisationSchema,
  OrganisationDetailSchema,
  OrganisationListSchema,
  OrganisationQuerySchema,
  UpdateOrganisationSchema,
} from "./organisations.schema.js";

export const organisationsRoutes: FastifyPluginAsyncTypebox<{ service: OrganisationsService }> = async (app, { service }) => {
  const tags = ["directory"];
  const IdOrCode = Type.Object({ idOrCode: Type.String({ minLength: 1, maxLength: 64 }) });

  app.get("/api/organisations", {
    config: { auth: "public" },
    schema: { tags, summary: "Organisations the caller may read (search, filters, pages)", querystring: OrganisationQuerySchema, response: { 200: OrganisationListSchema, ...errorResponses } },
  }, async (request) => service.findOrganisations(request.actor, request.query, request.locale));

  app.get("/api/organisations/:idOrCode", {
    config: { auth: "public" },
    schema: { tags, summary: "One organisation by id or code", params: IdOrCode, response: { 200: OrganisationDetailSchema, ...errorResponses } },
  }, async (request) => service.getOrganisation(request.actor, request.params.idOrCode));

  app.post("/api/organisations", {
    schema: { tags, summary: "Create an organisation", body: CreateOrganisationSchema, response: { 201: OrganisationDetailSchema, ...errorResponses, 409: errorResponses[400] } },
  }, async (request, reply) => reply.status(201).send(await service.createOrganisation(requireActor(request), request.body)));

  app.patch("/api/organisations/:id", {
    schema: { tags, summary: "Update an organisation", params: IdParams, body: UpdateOrganisationSchema, response: { 200: OrganisationDetailSchema, ...errorResponses, 409: errorResponses[400] } },
  }, async (request) => service.updateOrganisation(requireActor(request), request.params.id, request.body));

  app.post("/api/organisations/:id/archive", {
    schema: { tags, summary: "Archive an organisation (kept, hidden from lists)", params: IdParams, response: { 200: OrganisationDetailSchema, ...errorResponses } },
  }, async (request) => service.setOrganisationArchived(requireActor(request), request.params.id, true));

  app.post("/api/organisations/:id/restore", {
    schema: { tags, summary: "Restore an archived organisation", params: IdParams, response: { 200: OrganisationDetailSchema, ...errorResponses } },
  }, async (request) => service.setOrganisationArchived(requireActor(request), request.params.id, false));
};
