import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { errorResponses, IdParams } from "../../lib/schemas.js";
import { Id } from "./common.schema.js";
import { requireActor } from "../../plugins/auth.js";
import type { ProposalsService } from "./proposals.service.js";
import {
  CarryOverSchema,
  CreateProposalCommentSchema,
  CreateProposalSchema,
  DecisionSchema,
  OpenItemsSchema,
  ProposalCommentSchema,
  ProposalListSchema,
  ProposalSchema,
  UpdateProposalSchema,
} from "./proposals.schema.js";

const CommentParams = Type.Object({ id: Id, commentId: Id });

/** Proposals to a meeting, their co-sponsors, comments and decision; carry-over and open items. */
export const proposalsRoutes: FastifyPluginAsyncTypebox<{ service: ProposalsService }> = async (app, { service }) => {
  const tags = ["follow-up"];
  const conflict = { 409: errorResponses[400] };

  app.get("/api/events/:id/proposals", {
    schema: { tags, summary: "A meeting's proposals (host, invited organisations, coordinators)", params: IdParams, response: { 200: ProposalListSchema, ...errorResponses } },
  }, async (request) => service.listProposals(requireActor(request), request.params.id));

  app.post("/api/events/:id/proposals", {
    schema: { tags, summary: "Submit a proposal for one's organisation", params: IdParams, body: CreateProposalSchema, response: { 201: ProposalSchema, ...errorResponses, ...conflict } },
  }, async (request, reply) => reply.status(201).send(await service.submitProposal(requireActor(request), request.params.id, request.body)));

  app.get("/api/events/:id/open-items", {
    schema: { tags, summary: "Open recommendations and undecided proposals of the meeting's previous editions", params: IdParams, response: { 200: OpenItemsSchema, ...errorResponses } },
  }, async (request) => service.openItems(requireActor(request), request.params.id));

  app.get("/api/proposals/:id", {
    schema: { tags, summary: "One proposal", params: IdParams, response: { 200: ProposalSchema, ...errorResponses } },
  }, async (request) => service.getProposal(requireActor(request), request.params.id));

  app.patch("/api/proposals/:id", {
    schema: { tags, summary: "Edit one's proposal while it is submitted", params: IdParams, body: UpdateProposalSchema, response: { 200: ProposalSchema, ...errorResponses, ...conflict } },
  }, async (request) => service.updateProposal(requireActor(request), request.params.id, request.body));

  app.post("/api/proposals/:id/withdraw", {
    schema: { tags, summary: "Withdraw one's proposal while it is submitted", params: IdParams, response: { 200: ProposalSchema, ...errorResponses, ...conflict } },
  }, async (request) => service.withdrawProposal(requireActor(request), request.params.id));

  app.put("/api/proposals/:id/sponsorship", {
    schema: { tags, summary: "Co-sponsor for one's organisation", params: IdParams, response: { 200: ProposalSchema, ...errorResponses, ...conflict } },
  }, async (request) => service.setSponsorship(requireActor(request), request.params.id, true));

  app.delete("/api/proposals/:id/sponsorship", {
    schema: { tags, summary: "Stop co-sponsoring", params: IdParams, response: { 200: ProposalSchema, ...errorResponses, ...conflict } },
  }, async (request) => service.setSponsorship(requireActor(request), request.params.id, false));

  app.get("/api/proposals/:id/comments", {
    schema: { tags, summary: "Comments, oldest first", params: IdParams, response: { 200: Type.Object({ items: Type.Array(ProposalCommentSchema) }), ...errorResponses } },
  }, async (request) => service.listComments(requireActor(request), request.params.id));

  app.post("/api/proposals/:id/comments", {
    schema: { tags, summary: "Comment on a proposal", params: IdParams, body: CreateProposalCommentSchema, response: { 201: ProposalCommentSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await service.addComment(requireActor(request), request.params.id, request.body)));

  app.delete("/api/proposals/:id/comments/:commentId", {
    schema: { tags, summary: "Remove a comment (its writer, an admin of the meeting's host, or a coordinator)", params: CommentParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await service.deleteComment(requireActor(request), request.params.id, request.params.commentId);
    return reply.status(204).send(null);
  });

  app.post("/api/proposals/:id/decision", {
    schema: { tags, summary: "The meeting's decision: adopted (→ recommendation), deferred or rejected", params: IdParams, body: DecisionSchema, response: { 200: ProposalSchema, ...errorResponses, ...conflict } },
  }, async (request) => service.decideProposal(requireActor(request), request.params.id, request.body));

  app.post("/api/proposals/:id/carry-over", {
    schema: { tags, summary: "Put an undecided proposal on a later edition of its meeting", params: IdParams, body: CarryOverSchema, response: { 201: ProposalSchema, ...errorResponses, ...conflict } },
  }, async (request, reply) => reply.status(201).send(await service.carryOver(requireActor(request), request.params.id, request.body)));
};
