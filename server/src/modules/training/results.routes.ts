import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { contentDisposition } from "../../lib/file-store.js";
import { errorResponses, IdParams } from "../../lib/schemas.js";
import { requireActor } from "../../plugins/auth.js";
import type { ResultsService } from "./results.service.js";
import { MyProgressSchema, ResultsExportQuerySchema, ResultsQuerySchema, ResultsSchema } from "./results.schema.js";

/** A programme's results (who is missing what, awareness gain), their exports, and a trainee's own progress. */
export const resultsRoutes: FastifyPluginAsyncTypebox<{ service: ResultsService }> = async (app, { service }) => {
  const tags = ["training"];

  app.get("/api/training/programmes/:id/results", {
    schema: {
      tags,
      summary: "Trainees' attendance, scores, gain and missing requirements, with totals by organisation and country (managers and coordinators: all; an organisation admin: his own)",
      params: IdParams,
      querystring: ResultsQuerySchema,
      response: { 200: ResultsSchema, ...errorResponses },
    },
  }, async (request) => service.listResults(requireActor(request), request.params.id, request.query));

  app.get("/api/training/programmes/:id/results/export", {
    schema: {
      tags,
      summary: "The filtered trainees' results as CSV (UTF-8 with BOM) or XLSX (with the totals by organisation and country)",
      params: IdParams,
      querystring: ResultsExportQuerySchema,
      response: { 200: Type.Unsafe({ type: "string", format: "binary" }), ...errorResponses },
    },
  }, async (request, reply) => {
    const file = await service.exportResults(requireActor(request), request.params.id, request.query, request.locale);
    return reply
      .header("content-type", file.contentType)
      .header("content-disposition", contentDisposition(file.fileName))
      .header("cache-control", "private, no-store")
      .send(file.stream);
  });

  app.get("/api/training/programmes/:id/my-progress", {
    schema: { tags, summary: "The enrolled caller's progress: workshops attended, tests, survey, what is missing, certificate", params: IdParams, response: { 200: MyProgressSchema, ...errorResponses } },
  }, async (request) => service.getMyProgress(requireActor(request), request.params.id));
};
