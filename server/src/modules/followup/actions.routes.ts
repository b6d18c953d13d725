import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { errorResponses, IdParams } from "../../lib/schemas.js";
import { requireActor } from "../../plugins/auth.js";
import type { ActionsService } from "./actions.service.js";
import { ActionListSchema, ActionQuerySchema, ActionSchema, CreateActionSchema, RecommendationActionsSchema, UpdateActionSchema } from "./actions.schema.js";

/** Actions a recommendation breaks into. */
export const actionsRoutes: FastifyPluginAsyncTypebox<{ service: ActionsService }> = async (app, { service }) => {
  const tags = ["follow-up"];

  app.get("/api/actions", {
    schema: { tags, summary: "Actions of recommendations the caller may read (mine, overdue, status)", querystring: ActionQuerySchema, response: { 200: ActionListSchema, ...errorResponses } },
  }, async (request) => service.findActions(requireActor(request), request.query));

  app.get("/api/recommendations/:id/actions", {
    schema: { tags, summary: "A recommendation's actions", params: IdParams, response: { 200: RecommendationActionsSchema, ...errorResponses } },
  }, async (request) => service.listForRecommendation(requireActor(request), request.params.id));

  app.post("/api/recommendations/:id/actions", {
    schema: { tags, summary: "Add an action (responsible organisations, coordinators)", params: IdParams, body: CreateActionSchema, response: { 201: ActionSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await service.createAction(requireActor(request), request.params.id, request.body)));

  app.patch("/api/actions/:id", {
    schema: { tags, summary: "Change an action (the assigned organisation: status and note)", params: IdParams, body: UpdateActionSchema, response: { 200: ActionSchema, ...errorResponses } },
  }, async (request) => service.updateAction(requireActor(request), request.params.id, request.body));

  app.delete("/api/actions/:id", {
    schema: { tags, summary: "Remove an action", params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await service.deleteAction(requireActor(request), request.params.id);
    return reply.status(204).send(null);
  });
};
