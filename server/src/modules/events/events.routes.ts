import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { errorResponses, IdParams, OrgRefSchema, Nullable } from "../../lib/schemas.js";
import { requireActor } from "../../plugins/auth.js";
import type { EventsService } from "./events.service.js";
import type { RegistrationsService } from "./registrations.service.js";
import type { SeasonsService } from "./seasons.service.js";
import { CreateSeasonSchema, SeasonSchema, UpdateSeasonSchema } from "./seasons.schema.js";
import { AgendaSchema, CreateEventSchema, EventListSchema, EventQuerySchema, EventSchema, PutAgendaSchema, UpdateEventSchema } from "./events.schema.js";

const RegistrationListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      status: Type.String(),
      waitlistPosition: Nullable(Type.Integer()),
      createdAt: Type.String(),
      user: Type.Object({ id: Type.String(), name: Type.String(), nameAr: Type.String(), nameEn: Type.String(), email: Type.String() }),
      organisation: OrgRefSchema,
      country: Nullable(Type.String()),
    }),
  ),
  abilities: Type.Object({ manage: Type.Boolean() }),
});

export const eventsRoutes: FastifyPluginAsyncTypebox<{ seasons: SeasonsService; events: EventsService; registrations: RegistrationsService }> = async (
  app,
  { seasons, events, registrations },
) => {
  const tags = ["events"];
  const IdOrCode = Type.Object({ idOrCode: Type.String({ minLength: 1, maxLength: 64 }) });

  app.get("/api/seasons", {
    schema: { tags, summary: "Hajj seasons", response: { 200: Type.Object({ items: Type.Array(SeasonSchema), abilities: Type.Object({ create: Type.Boolean() }) }), ...errorResponses } },
  }, async (request) => seasons.findSeasons(requireActor(request)));

  app.get("/api/seasons/:idOrCode", {
    schema: { tags, summary: "One season by id or code (e.g. 1446)", params: IdOrCode, response: { 200: SeasonSchema, ...errorResponses } },
  }, async (request) => seasons.getSeason(requireActor(request), request.params.idOrCode));

  app.post("/api/seasons", {
    schema: { tags, summary: "Create the season of a Hijri year", body: CreateSeasonSchema, response: { 201: SeasonSchema, ...errorResponses, 409: errorResponses[400] } },
  }, async (request, reply) => reply.status(201).send(await seasons.createSeason(requireActor(request), request.body)));

  app.patch("/api/seasons/:id", {
    schema: { tags, summary: "Update a season's names or bounds", params: IdParams, body: UpdateSeasonSchema, response: { 200: SeasonSchema, ...errorResponses } },
  }, async (request) => seasons.updateSeason(requireActor(request), request.params.id, request.body));

  app.get("/api/events", {
    config: { auth: "public" },
    schema: { tags, summary: "Meetings and workshops the caller may read", querystring: EventQuerySchema, response: { 200: EventListSchema, ...errorResponses } },
  }, async (request) => events.findEvents(request.actor, request.query));

  app.get("/api/events/:id", {
    config: { auth: "public" },
    schema: { tags, summary: "One event (the join link only for participants and organisers)", params: IdParams, response: { 200: EventSchema, ...errorResponses } },
  }, async (request) => events.getEvent(request.actor, request.params.id));

  app.post("/api/events", {
    schema: { tags, summary: "Create a meeting or workshop", body: CreateEventSchema, response: { 201: EventSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await events.createEvent(requireActor(request), request.body)));

  app.patch("/api/events/:id", {
    schema: { tags, summary: "Update an event", params: IdParams, body: UpdateEventSchema, response: { 200: EventSchema, ...errorResponses } },
  }, async (request) => events.updateEvent(requireActor(request), request.params.id, request.body));

  app.get("/api/events/:id/agenda", {
    config: { auth: "public" },
    schema: { tags, summary: "The event's agenda with speakers", params: IdParams, response: { 200: AgendaSchema, ...errorResponses } },
  }, async (request) => events.getAgenda(request.actor, request.params.id));

  app.put("/api/events/:id/agenda", {
    schema: { tags, summary: "Replace the agenda (ordered items and speakers)", params: IdParams, body: PutAgendaSchema, response: { 200: AgendaSchema, ...errorResponses } },
  }, async (request) => events.putAgenda(requireActor(request), request.params.id, request.body));

  app.post("/api/events/:id/registration", {
    schema: { tags, summary: "Register for an open event (confirmed or waitlisted)", params: IdParams, response: { 200: EventSchema, ...errorResponses, 409: errorResponses[400] } },
  }, async (request) => registrations.register(requireActor(request), request.params.id));

  app.delete("/api/events/:id/registration", {
    schema: { tags, summary: "Cancel one's registration (the waitlist moves up)", params: IdParams, response: { 200: EventSchema, ...errorResponses } },
  }, async (request) => registrations.cancel(requireActor(request), request.params.id));

  app.get("/api/events/:id/registrations", {
    schema: { tags, summary: "Registrations of an event, in order (host and coordinators)", params: IdParams, response: { 200: RegistrationListSchema, ...errorResponses } },
  }, async (request) => registrations.listRegistrations(requireActor(request), request.params.id));
};
