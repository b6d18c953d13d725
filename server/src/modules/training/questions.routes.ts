import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { errorResponses, ErrorSchema, IdParams } from "../../lib/schemas.js";
import { requireActor } from "../../plugins/auth.js";
import { CreateQuestionSchema, QuestionListSchema, QuestionQuerySchema, QuestionSchema, ReorderQuestionsSchema, UpdateQuestionSchema } from "./questions.schema.js";
import type { QuestionsService } from "./questions.service.js";

/** The question bank of a programme: its managers only (answer keys never reach trainees from here). */
export const questionsRoutes: FastifyPluginAsyncTypebox<{ service: QuestionsService }> = async (app, { service }) => {
  const tags = ["training"];
  const conflicts = { 409: ErrorSchema };

  app.get("/api/training/programmes/:id/questions", {
    schema: { tags, summary: "The programme's question bank, with answer keys (its managers)", params: IdParams, querystring: QuestionQuerySchema, response: { 200: QuestionListSchema, ...errorResponses } },
  }, async (request) => service.listQuestions(requireActor(request), request.params.id, request.query));

  app.post("/api/training/programmes/:id/questions", {
    schema: { tags, summary: "Add a question to the bank (its managers)", params: IdParams, body: CreateQuestionSchema, response: { 201: QuestionSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await service.createQuestion(requireActor(request), request.params.id, request.body, request.locale)));

  app.put("/api/training/programmes/:id/questions/order", {
    schema: { tags, summary: "Put the bank in a new order (every current question, once)", params: IdParams, body: ReorderQuestionsSchema, response: { 200: QuestionListSchema, ...errorResponses } },
  }, async (request) => service.reorderQuestions(requireActor(request), request.params.id, request.body.questionIds, request.locale));

  app.patch("/api/training/questions/:id", {
    schema: {
      tags,
      summary: "Change a question (with the version read); once answered, only its wording",
      params: IdParams,
      body: UpdateQuestionSchema,
      response: { 200: QuestionSchema, ...errorResponses, ...conflicts },
    },
  }, async (request) => service.updateQuestion(requireActor(request), request.params.id, request.body, request.locale));

  app.delete("/api/training/questions/:id", {
    schema: { tags, summary: "Archive a question (kept for the answers given to it)", params: IdParams, response: { 204: Type.Null(), ...errorResponses, ...conflicts } },
  }, async (request, reply) => {
    await service.archiveQuestion(requireActor(request), request.params.id);
    return reply.status(204).send(null);
  });
};
