import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Deps } from "../../deps.js";
import { errorResponses, ErrorSchema, IdParams } from "../../lib/schemas.js";
import { requireActor } from "../../plugins/auth.js";
import { AssessmentSchema, AssessmentsSchema, KindParams, UpdateAssessmentSchema } from "./assessments.schema.js";
import { createAssessmentsService, type AssessmentsService } from "./assessments.service.js";
import { attemptsRoutes } from "./attempts.routes.js";
import { createAttemptsService, finaliseExpiredAttempts } from "./attempts.service.js";
import { questionsRoutes } from "./questions.routes.js";
import { createQuestionsService } from "./questions.service.js";
import { surveyRoutes } from "./survey.routes.js";
import { createSurveyService } from "./survey.service.js";

/** How often attempts whose time ran out are graded. */
const SWEEP_MS = 60_000;

/** The pre- and post-test of a programme. */
export const assessmentsRoutes: FastifyPluginAsyncTypebox<{ service: AssessmentsService }> = async (app, { service }) => {
  const tags = ["training"];

  app.get("/api/training/programmes/:id/assessments", {
    schema: {
      tags,
      summary: "The pre- and post-test: settings and questions (managers); the caller's attempt and score (trainees)",
      params: IdParams,
      response: { 200: AssessmentsSchema, ...errorResponses },
    },
  }, async (request) => service.getAssessments(requireActor(request), request.params.id));

  app.put("/api/training/programmes/:id/assessments/:kind", {
    schema: {
      tags,
      summary: "Set up the pre- or post-test: questions (locked once started), time limit, window, publication (managers)",
      params: KindParams,
      body: UpdateAssessmentSchema,
      response: { 200: AssessmentSchema, ...errorResponses, 409: ErrorSchema },
    },
  }, async (request) => service.updateAssessment(requireActor(request), request.params.id, request.params.kind, request.body, request.locale));
};

/**
 * Part of the training plugin: the question bank, the tests, attempts and the satisfaction survey,
 * and the sweep that grades attempts whose time ran out (every minute; safe on several nodes).
 */
export const testsPlugin: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const attempts = createAttemptsService(deps);
  await app.register(questionsRoutes, { service: createQuestionsService(deps) });
  await app.register(assessmentsRoutes, { service: createAssessmentsService(deps, attempts) });
  await app.register(attemptsRoutes, { service: attempts });
  await app.register(surveyRoutes, { service: createSurveyService(deps) });

  let running: Promise<void> | null = null;
  const sweep = async () => {
    try {
      const closed = await finaliseExpiredAttempts(deps.db);
      if (closed > 0) deps.log.info({ closed }, "expired test attempts graded");
    } catch (err) {
      deps.log.warn({ err }, "grading expired test attempts failed");
    } finally {
      running = null;
    }
  };
  const timer = setInterval(() => {
    running ??= sweep();
  }, SWEEP_MS);
  timer.unref();
  app.addHook("onClose", async () => {
    clearInterval(timer);
    // A sweep under way finishes before the database closes.
    await running;
  });
};
