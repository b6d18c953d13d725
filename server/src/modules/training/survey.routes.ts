import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { errorResponses, ErrorSchema, IdParams } from "../../lib/schemas.js";
import { requireActor } from "../../plugins/auth.js";
import { SubmitSurveySchema, SurveyResponseSchema, SurveySchema, SurveySummarySchema } from "./survey.schema.js";
import type { SurveyService } from "./survey.service.js";

/** The satisfaction survey: trainees answer once; managers read an anonymous summary. */
export const surveyRoutes: FastifyPluginAsyncTypebox<{ service: SurveyService }> = async (app, { service }) => {
  const tags = ["training"];

  app.get("/api/training/programmes/:id/survey", {
    schema: { tags, summary: "The survey's items and the caller's own response", params: IdParams, response: { 200: SurveySchema, ...errorResponses } },
  }, async (request) => service.getSurvey(requireActor(request), request.params.id));

  app.post("/api/training/programmes/:id/survey", {
    schema: {
      tags,
      summary: "Send the caller's answers, once (enrolled trainees)",
      params: IdParams,
      body: SubmitSurveySchema,
      response: { 201: SurveyResponseSchema, ...errorResponses, 409: ErrorSchema },
    },
  }, async (request, reply) => reply.status(201).send(await service.submitSurvey(requireActor(request), request.params.id, request.body, request.locale)));

  app.get("/api/training/programmes/:id/survey/summary", {
    schema: { tags, summary: "Averages, distributions and free texts without names (the programme's managers)", params: IdParams, response: { 200: SurveySummarySchema, ...errorResponses } },
  }, async (request) => service.summary(requireActor(request), request.params.id));
};
