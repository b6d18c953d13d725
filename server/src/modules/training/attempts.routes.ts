import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { errorResponses, ErrorSchema, IdParams } from "../../lib/schemas.js";
import { requireActor } from "../../plugins/auth.js";
import { KindParams } from "./assessments.schema.js";
import { AnswerParams, AttemptSchema, SavedAnswerSchema, SaveAnswerSchema } from "./attempts.schema.js";
import type { AttemptsService } from "./attempts.service.js";

/** A trainee's attempts: start or resume, save answers as he goes, submit. */
export const attemptsRoutes: FastifyPluginAsyncTypebox<{ service: AttemptsService }> = async (app, { service }) => {
  const tags = ["training"];
  const conflicts = { 409: ErrorSchema };

  app.post("/api/training/programmes/:id/assessments/:kind/attempt", {
    schema: {
      tags,
      summary: "Start (201) or resume (200) the caller's attempt at the pre- or post-test (enrolled trainees)",
      params: KindParams,
      response: { 200: AttemptSchema, 201: AttemptSchema, ...errorResponses, ...conflicts },
    },
  }, async (request, reply) => {
    const { created, attempt } = await service.startAttempt(requireActor(request), request.params.id, request.params.kind);
    return reply.status(created ? 201 : 200).send(attempt);
  });

  app.get("/api/training/attempts/:id", {
    schema: {
      tags,
      summary: "An attempt: its trainee; once submitted also the programme's managers and his organisation's admin",
      params: IdParams,
      response: { 200: AttemptSchema, ...errorResponses },
    },
  }, async (request) => service.getAttempt(requireActor(request), request.params.id));

  app.put("/api/training/attempts/:id/answers/:questionId", {
    schema: {
      tags,
      summary: "Save one answer (the trainee, until the deadline plus a grace period); the last saved counts",
      params: AnswerParams,
      body: SaveAnswerSchema,
      response: { 200: SavedAnswerSchema, ...errorResponses, ...conflicts },
    },
  }, async (request) => service.saveAnswer(requireActor(request), request.params.id, request.params.questionId, request.body.response, request.locale));

  app.post("/api/training/attempts/:id/submit", {
    schema: { tags, summary: "Submit and grade the attempt (the trainee); submitting again answers the same result", params: IdParams, response: { 200: AttemptSchema, ...errorResponses } },
  }, async (request) => service.submitAttempt(requireActor(request), request.params.id));
};
