import fs from "node:fs";
import path from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { AjvCompiler } from "@fastify/ajv-compiler";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import type { Database } from "./db/database.js";
import type { Deps } from "./deps.js";
import { AppError } from "./lib/errors.js";
import { authPlugin } from "./plugins/auth.js";
import { errorHandlerPlugin } from "./plugins/error-handler.js";
import { localePlugin } from "./plugins/locale.js";
import { createAdminService } from "./modules/admin/admin.service.js";
import { adminRoutes } from "./modules/admin/admin.routes.js";
import { createAuthService } from "./modules/auth/auth.service.js";
import { authRoutes } from "./modules/auth/auth.routes.js";
import { createCountriesService } from "./modules/directory/countries.service.js";
import { countriesRoutes } from "./modules/directory/countries.routes.js";
import { createGroupsService } from "./modules/directory/groups.service.js";
import { groupsRoutes } from "./modules/directory/groups.routes.js";
import { createOrganisationsService } from "./modules/directory/organisations.service.js";
import { organisationsRoutes } from "./modules/directory/organisations.routes.js";
import { createPeopleService } from "./modules/directory/people.service.js";
import { peopleRoutes } from "./modules/directory/people.routes.js";
import { systemRoutes, VERSION } from "./modules/system/system.routes.js";
import { createEventsService } from "./modules/events/events.service.js";
import { eventsRoutes } from "./modules/events/events.routes.js";
import { createRegistrationsService } from "./modules/events/registrations.service.js";
import { createSeasonsService } from "./modules/events/seasons.service.js";
import { createParticipationService } from "./modules/events/participation.service.js";
import { participationRoutes } from "./modules/events/participation.routes.js";
import { createCalendarService } from "./modules/events/calendar.service.js";
import { createAttendanceService } from "./modules/events/attendance.service.js";
import { attendanceRoutes } from "./modules/events/attendance.routes.js";
import { createAttachmentsService } from "./modules/events/attachments.service.js";
import { createMinutesService } from "./modules/events/minutes.service.js";
import { minutesRoutes } from "./modules/events/minutes.routes.js";
import { calendarRoutes } from "./modules/events/calendar.routes.js";
import { createLibraryService } from "./modules/library/library.service.js";
import { libraryRoutes } from "./modules/library/library.routes.js";
import { ensureSearchIndex } from "./modules/search/search.indexer.js";
import { createSearchService } from "./modules/search/search.service.js";
import { searchRoutes } from "./modules/search/search.routes.js";
import { createProgrammesService } from "./modules/followup/programmes.service.js";
import { programmesRoutes } from "./modules/followup/programmes.routes.js";
import { createRecommendationsService } from "./modules/followup/recommendations.service.js";
import { recommendationsRoutes } from "./modules/followup/recommendations.routes.js";
import { createActionsService } from "./modules/followup/actions.service.js";
import { actionsRoutes } from "./modules/followup/actions.routes.js";
import { createProposalsService } from "./modules/followup/proposals.service.js";
import { proposalsRoutes } from "./modules/followup/proposals.routes.js";
import { createAccountabilityService } from "./modules/followup/accountability.service.js";
import { accountabilityRoutes } from "./modules/followup/accountability.routes.js";
import { trainingRoutes } from "./modules/training/index.js";

export interface BuildOptions {
  config: Config;
  database: Database;
  logger?: Logger | boolean;
  /** Called for every route as it is registered (the authorization test collects them). */
  onRoute?: (route: { method: string | string[]; url: string; config?: unknown }) => void;
}

/** Build the Fastify app: plugins first, then each module's routes. */
export async function buildApp({ config, database, logger = false, onRoute }: BuildOptions): Promise<FastifyInstance> {
  return (await build({ config, database, logger, onRoute })) as unknown as FastifyInstance;
}

async function build({ config, database, logger = false, onRoute }: BuildOptions) {
  const app = Fastify({
    loggerInstance: typeof logger === "object" ? (logger as never) : undefined,
    logger: typeof logger === "boolean" ? logger : undefined,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Query strings and path parameters are text: coerce them ("25" → 25, "a" → ["a"]).
  // JSON bodies are typed already: coercing them would turn a null into "" (and break "clear this field").
  const validators = AjvCompiler();
  const ajvOptions = { allErrors: true, verbose: true, removeAdditional: false };
  const bodyValidator = validators({}, { customOptions: { ...ajvOptions, coerceTypes: false } });
  const urlValidator = validators({}, { customOptions: { ...ajvOptions, coerceTypes: "array" } });
  app.setValidatorCompiler((route) => (route.httpPart === "body" ? bodyValidator : urlValidator)(route));

  if (onRoute) app.addHook("onRoute", (route) => onRoute({ method: route.method, url: route.url, config: route.config }));

  const deps: Deps = { db: database.db, dialect: database.dialect, config, log: app.log as unknown as Logger };

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Rifada API", version: VERSION, description: "Coordination and training platform for the bodies that serve Hajj pilgrims. See docs/api.md." },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer", description: "Personal API token (rfd_…)" },
          session: { type: "apiKey", in: "cookie", name: "rifada_session", description: "Browser session; writes also need X-CSRF-Token" },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
    hsts: config.secureCookies,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(localePlugin);
  await app.register(errorHandlerPlugin);

  const auth = createAuthService(deps);
  await app.register(authPlugin, { auth, secureCookies: config.secureCookies });

  await app.register(systemRoutes, { deps });
  await app.register(authRoutes, { auth, secureCookies: config.secureCookies, sessionAbsoluteHours: config.sessionAbsoluteHours });
  await app.register(countriesRoutes, { service: createCountriesService(deps) });
  await app.register(organisationsRoutes, { service: createOrganisationsService(deps) });
  await app.register(peopleRoutes, { service: createPeopleService(deps) });
  await app.register(groupsRoutes, { service: createGroupsService(deps) });
  await app.register(adminRoutes, { service: createAdminService(deps) });
  const events = createEventsService(deps);
  const calendar = createCalendarService(deps, events);
  await app.register(eventsRoutes, { seasons: createSeasonsService(deps), events, registrations: createRegistrationsService(deps, events, calendar) });
  await app.register(participationRoutes, { service: createParticipationService(deps, events, calendar) });
  await app.register(calendarRoutes, { service: calendar, auth });
  await app.register(attendanceRoutes, { service: createAttendanceService(deps, events) });
  const attachments = createAttachmentsService(deps, events);
  const minutes = createMinutesService(deps, events, attachments);
  await app.register(minutesRoutes, { minutes, attachments });
  await app.register(libraryRoutes, { service: createLibraryService(deps, events) });
  await app.register(searchRoutes, { search: createSearchService(deps) });
  // Follow-up: cooperation programmes, recommendations and their actions, proposals, accountability.
  const recommendations = createRecommendationsService(deps, events, minutes);
  await app.register(programmesRoutes, { service: createProgrammesService(deps, events) });
  await app.register(recommendationsRoutes, { service: recommendations });
  await app.register(actionsRoutes, { service: createActionsService(deps, recommendations) });
  await app.register(proposalsRoutes, { service: createProposalsService(deps, events, recommendations) });
  await app.register(accountabilityRoutes, { service: createAccountabilityService(deps, recommendations) });
  // Training: programmes, enrolments, tests, survey, completion and certificates.
  await app.register(trainingRoutes, { deps, events });

  // The search index is rebuilt when the analyzer changed or demo data were loaded behind the services' back.
  // A database that is down or not migrated yet must not stop the app from answering /api/health with 503.
  try {
    const indexed = await ensureSearchIndex(deps.db);
    if (indexed !== null) app.log.info({ documents: indexed }, "search index rebuilt");
  } catch (err) {
    app.log.error({ err }, "search index could not be checked; run `npm run cli -- reindex` once the database is up");
  }

  const webDir = config.webDir;
  const indexFile = webDir ? path.join(webDir, "index.html") : null;
  if (webDir && indexFile && fs.existsSync(indexFile)) {
    await app.register(fastifyStatic, { root: webDir, prefix: "/", wildcard: false, index: false, maxAge: "1h", immutable: false });
    const indexHtml = fs.readFileSync(indexFile);
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith("/api/") || request.method !== "GET") throw new AppError("NOT_FOUND");
      // Client-side routes (/directory/…, /invite/…) get the app shell.
      return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(indexHtml);
    });
  } else {
    app.setNotFoundHandler(() => {
      throw new AppError("NOT_FOUND");
    });
  }

  // Expired sessions and old failed-login records are swept hourly.
  const sweeper = setInterval(() => void auth.sweep().catch((err) => app.log.warn({ err }, "sweep failed")), 3600_000);
  sweeper.unref();
  app.addHook("onClose", async () => clearInterval(sweeper));

  return app;
}
