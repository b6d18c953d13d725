import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { errorResponses, IdParams, PageQuery } from "../../lib/schemas.js";
import { requireActor } from "../../plugins/auth.js";
import type { AdminService } from "./admin.service.js";
import {
  AuditListSchema,
  AuditQuerySchema,
  CreatedInvitationSchema,
  CreateInvitationSchema,
  InvitationSchema,
  LinkSchema,
  OutboxListSchema,
  UpdateUserSchema,
  UserListSchema,
  UserQuerySchema,
  UserSchema,
} from "./admin.schema.js";

export const adminRoutes: FastifyPluginAsyncTypebox<{ service: AdminService }> = async (app, { service }) => {
  const tags = ["admin"];

  app.get("/api/users", {
    schema: { tags, summary: "Users the caller administers", querystring: UserQuerySchema, response: { 200: UserListSchema, ...errorResponses } },
  }, async (request) => service.findUsers(requireActor(request), request.query));

  app.patch("/api/users/:id", {
    schema: { tags, summary: "Change a user's role or name", params: IdParams, body: UpdateUserSchema, response: { 200: UserSchema, ...errorResponses } },
  }, async (request) => service.updateUser(requireActor(request), request.params.id, request.body));

  app.post("/api/users/:id/disable", {
    schema: { tags, summary: "Disable an account (ends its sessions and tokens)", params: IdParams, response: { 200: UserSchema, ...errorResponses } },
  }, async (request) => service.setUserDisabled(requireActor(request), request.params.id, true));

  app.post("/api/users/:id/enable", {
    schema: { tags, summary: "Enable a disabled account", params: IdParams, response: { 200: UserSchema, ...errorResponses } },
  }, async (request) => service.setUserDisabled(requireActor(request), request.params.id, false));

  app.post("/api/users/:id/password-reset", {
    schema: { tags, summary: "Issue a single-use password-reset link", params: IdParams, response: { 200: LinkSchema, ...errorResponses } },
  }, async (request) => service.createPasswordReset(requireActor(request), request.params.id));

  app.get("/api/invitations", {
    schema: { tags, summary: "Pending invitations", response: { 200: Type.Object({ items: Type.Array(InvitationSchema) }), ...errorResponses } },
  }, async (request) => service.findInvitations(requireActor(request)));

  app.post("/api/invitations", {
    schema: { tags, summary: "Invite a user into an organisation", body: CreateInvitationSchema, response: { 201: CreatedInvitationSchema, ...errorResponses, 409: errorResponses[400] } },
  }, async (request, reply) => reply.status(201).send(await service.createInvitation(requireActor(request), request.body)));

  app.delete("/api/invitations/:id", {
    schema: { tags, summary: "Revoke a pending invitation", params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await service.revokeInvitation(requireActor(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get("/api/outbox", {
    schema: { tags, summary: "Outgoing messages and their state", querystring: Type.Object(PageQuery), response: { 200: OutboxListSchema, ...errorResponses } },
  }, async (request) => service.findOutbox(requireActor(request), request.query));

  app.get("/api/audit", {
    schema: { tags, summary: "Audit log (append-only)", querystring: AuditQuerySchema, response: { 200: AuditListSchema, ...errorResponses } },
  }, async (request) => service.findAudit(requireActor(request), request.query));
};
