import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { errorResponses, IdParams } from "../../lib/schemas.js";
import { requireActor } from "../../plugins/auth.js";
import type { ParticipationService } from "./participation.service.js";
import { DelegationInputSchema, InviteSchema, ParticipationSchema } from "./participation.schema.js";

export const participationRoutes: FastifyPluginAsyncTypebox<{ service: ParticipationService }> = async (app, { service }) => {
  const tags = ["events"];
  const OrgParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), organisationId: Type.String({ minLength: 1, maxLength: 64 }) });

  app.get("/api/events/:id/invitations", {
    schema: { tags, summary: "Invited organisations and their delegations", params: IdParams, response: { 200: ParticipationSchema, ...errorResponses } },
  }, async (request) => service.findParticipation(requireActor(request), request.params.id));

  app.post("/api/events/:id/invitations", {
    schema: {
      tags,
      summary: "Invite organisations, one by one or by group (e.g. gcc-hajj-offices)",
      params: IdParams,
      body: InviteSchema,
      response: { 200: Type.Intersect([ParticipationSchema, Type.Object({ added: Type.Integer() })]), ...errorResponses },
    },
  }, async (request) => service.invite(requireActor(request), request.params.id, request.body));

  app.delete("/api/events/:id/invitations/:organisationId", {
    schema: { tags, summary: "Withdraw an invitation", params: OrgParams, response: { 204: Type.Null(), ...errorResponses, 409: errorResponses[400] } },
  }, async (request, reply) => {
    await service.uninvite(requireActor(request), request.params.id, request.params.organisationId);
    return reply.status(204).send(null);
  });

  app.put("/api/events/:id/delegations/:organisationId", {
    schema: { tags, summary: "Nominate an invited organisation's delegation (leader and members)", params: OrgParams, body: DelegationInputSchema, response: { 200: ParticipationSchema, ...errorResponses, 409: errorResponses[400] } },
  }, async (request) => service.nominate(requireActor(request), request.params.id, request.params.organisationId, request.body));

  app.post("/api/events/:id/invitations/:organisationId/decline", {
    schema: { tags, summary: "Decline an invitation for one's organisation", params: OrgParams, response: { 200: ParticipationSchema, ...errorResponses, 409: errorResponses[400] } },
  }, async (request) => service.decline(requireActor(request), request.params.id, request.params.organisationId));
};
