import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps.js";
import type { EventsService } from "../events/events.service.js";
import { testsPlugin } from "./assessments.routes.js";
import { registerProgrammeRoutes } from "./programmes.routes.js";
import { certificatesPlugin } from "./certificates.routes.js";

/**
 * Training (Asas, Terhab): programmes, modules and materials, workshops, enrolments;
 * question bank, pre- and post-tests, attempts, satisfaction survey; completion, results,
 * certificates and their public verification. Each part registers its own routes here.
 */
export async function trainingRoutes(app: FastifyInstance, { deps, events }: { deps: Deps; events: EventsService }): Promise<void> {
  // Programmes, modules, materials, workshops and enrolments.
  await registerProgrammeRoutes(app, { deps, events });
  // Question bank, tests, attempts and the satisfaction survey.
  await app.register(testsPlugin, { deps });
  // Completion, results, certificates and verification.
  await app.register(certificatesPlugin, { deps, events });
  void app;
  void deps;
  void events;
}
