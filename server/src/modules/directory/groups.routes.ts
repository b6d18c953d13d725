import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { errorResponses, IdParams } from "../../lib/schemas.js";
import { requireActor } from "../../plugins/auth.js";
import type { GroupsService } from "./groups.service.js";
import { CreateGroupSchema, GroupDetailSchema, GroupSchema, UpdateGroupSchema } from "./groups.schema.js";

export const groupsRoutes: FastifyPluginAsyncTypebox<{ service: GroupsService }> = async (app, { service }) => {
  const tags = ["directory"];
  app.get("/api/groups", {
    schema: { tags, summary: "Groups of organisations", response: { 200: Type.Object({ items: Type.Array(GroupSchema), abilities: Type.Object({ create: Type.Boolean() }) }), ...errorResponses } },
  }, async (request) => service.findGroups(requireActor(request)));

  app.get("/api/groups/:idOrCode", {
    schema: { tags, summary: "One group with its member organisations", params: Type.Object({ idOrCode: Type.String({ minLength: 1, maxLength: 64 }) }), response: { 200: GroupDetailSchema, ...errorResponses } },
  }, async (request) => service.getGroup(requireActor(request), request.params.idOrCode));

  app.post("/api/groups", {
    schema: { tags, summary: "Create a group", body: CreateGroupSchema, response: { 201: GroupDetailSchema, ...errorResponses, 409: errorResponses[400] } },
  }, async (request, reply) => reply.status(201).send(await service.createGroup(requireActor(request), request.body)));

  app.patch("/api/groups/:id", {
    schema: { tags, summary: "Update a group and its members", params: IdParams, body: UpdateGroupSchema, response: { 200: GroupDetailSchema, ...errorResponses } },
  }, async (request) => service.updateGroup(requireActor(request), request.params.id, request.body));
};
