import { Type, type Static } from "typebox";
import { AGENDA_KINDS, EVENT_KINDS, EVENT_MODES, EVENT_STATUSES, REGISTRATION_MODES, SPEAKER_ROLES } from "../../../../common/events.js";
import { Iso, NonBlank, Nullable, OrgRefSchema, Page, PageQuery, StringEnum, VisibilitySchema } from "../../lib/schemas.js";

/** A wall-clock time in the event's zone, "YYYY-MM-DDTHH:MM" (Gregorian; the web converts Hijri input). */
const Local = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$", description: "local date-time in the event's time zone" });
const Zone = Type.String({ minLength: 3, maxLength: 64, description: "IANA time zone, default Asia/Riyadh" });

const SeasonRef = Type.Object({ id: Type.String(), code: Type.String(), nameAr: Type.String(), nameEn: Type.String() });
const PersonRef = Type.Object({ id: Type.String(), nameAr: Type.String(), nameEn: Type.String(), titleAr: Nullable(Type.String()), titleEn: Nullable(Type.String()) });

export const EventSchema = Type.Object({
  id: Type.String(),
  season: SeasonRef,
  kind: StringEnum(EVENT_KINDS),
  mode: StringEnum(EVENT_MODES),
  status: StringEnum(EVENT_STATUSES),
  titleAr: Type.String(),
  titleEn: Type.String(),
  descriptionAr: Nullable(Type.String()),
  descriptionEn: Nullable(Type.String()),
  host: OrgRefSchema,
  chair: Nullable(PersonRef),
  venueAr: Nullable(Type.String()),
  venueEn: Nullable(Type.String()),
  /** Revealed only to the host, coordinators and registered or nominated people. */
  joinUrl: Nullable(Type.String()),
  hasJoinUrl: Type.Boolean(),
  timeZone: Type.String(),
  startsAt: Iso,
  endsAt: Iso,
  startsLocal: Type.String(),
  endsLocal: Type.String(),
  registration: StringEnum(REGISTRATION_MODES),
  capacity: Nullable(Type.Integer()),
  confirmedCount: Type.Integer(),
  waitlistCount: Type.Integer(),
  previousEventId: Nullable(Type.String()),
  visibility: VisibilitySchema,
  shareGroup: Nullable(Type.Object({ id: Type.String(), code: Type.String(), nameAr: Type.String(), nameEn: Type.String() })),
  archivedAt: Nullable(Iso),
  createdAt: Iso,
  updatedAt: Iso,
  myRegistration: Nullable(Type.Object({ id: Type.String(), status: Type.String(), waitlistPosition: Nullable(Type.Integer()) })),
  abilities: Type.Object({
    update: Type.Boolean(),
    register: Type.Boolean(),
    viewRegistrations: Type.Boolean(),
    recordAttendance: Type.Boolean({ description: "see and record attendance (also the trainers of a training programme the workshop delivers, who may not edit it)" }),
  }),
});

export const EventListSchema = Type.Intersect([Page(EventSchema), Type.Object({ abilities: Type.Object({ create: Type.Boolean() }) })]);

export const EventQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  season: Type.Optional(Type.String({ maxLength: 40, description: "season code, e.g. 1446" })),
  kind: Type.Optional(StringEnum(EVENT_KINDS)),
  host: Type.Optional(Type.String({ maxLength: 40, description: "host organisation code" })),
  when: Type.Optional(StringEnum(["upcoming", "past", "all"])),
  mine: Type.Optional(Type.Boolean({ description: "only events I am registered for, nominated to, or my organisation is invited to or hosts" })),
  ...PageQuery,
});

const editable = {
  kind: StringEnum(EVENT_KINDS),
  mode: StringEnum(EVENT_MODES),
  titleAr: NonBlank(2, 300),
  titleEn: NonBlank(2, 300),
  descriptionAr: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  descriptionEn: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  chairPersonId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  venueAr: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  venueEn: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  joinUrl: Type.Optional(Nullable(Type.String({ maxLength: 500, pattern: "^https://\\S+$" }))),
  timeZone: Type.Optional(Zone),
  startsLocal: Local,
  endsLocal: Local,
  registration: StringEnum(REGISTRATION_MODES),
  capacity: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100000 }))),
  previousEventId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  visibility: VisibilitySchema,
  shareGroupId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  status: Type.Optional(StringEnum(EVENT_STATUSES)),
};

export const CreateEventSchema = Type.Object(
  { seasonId: Type.String({ minLength: 1, maxLength: 64 }), hostOrganisationId: Type.Optional(Type.String({ maxLength: 64 })), ...editable },
  { additionalProperties: false },
);
export const UpdateEventSchema = Type.Partial(Type.Object(editable), { additionalProperties: false });

export const AgendaSpeakerSchema = Type.Object({
  personId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  guestNameAr: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  guestNameEn: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  guestTitleAr: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  guestTitleEn: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  role: StringEnum(SPEAKER_ROLES),
});
export const AgendaItemInputSchema = Type.Object({
  id: Type.Optional(Type.String({ maxLength: 64, description: "An existing item's id keeps it (and its files); without, a new item" })),
  kind: StringEnum(AGENDA_KINDS),
  titleAr: NonBlank(1, 300),
  titleEn: NonBlank(1, 300),
  descriptionAr: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  descriptionEn: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  startsLocal: Type.Optional(Nullable(Local)),
  endsLocal: Type.Optional(Nullable(Local)),
  speakers: Type.Optional(Type.Array(AgendaSpeakerSchema, { maxItems: 30 })),
});
export const PutAgendaSchema = Type.Object({ items: Type.Array(AgendaItemInputSchema, { maxItems: 200 }) }, { additionalProperties: false });

export const AgendaSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      position: Type.Integer(),
      kind: Type.String(),
      titleAr: Type.String(),
      titleEn: Type.String(),
      descriptionAr: Nullable(Type.String()),
      descriptionEn: Nullable(Type.String()),
      startsAt: Nullable(Iso),
      endsAt: Nullable(Iso),
      startsLocal: Nullable(Type.String()),
      endsLocal: Nullable(Type.String()),
      speakers: Type.Array(
        Type.Object({
          role: Type.String(),
          person: Nullable(Type.Intersect([PersonRef, Type.Object({ organisation: OrgRefSchema })])),
          guestNameAr: Nullable(Type.String()),
          guestNameEn: Nullable(Type.String()),
          guestTitleAr: Nullable(Type.String()),
          guestTitleEn: Nullable(Type.String()),
        }),
      ),
    }),
  ),
});

export type CreateEvent = Static<typeof CreateEventSchema>;
export type UpdateEvent = Static<typeof UpdateEventSchema>;
export type EventQuery = Static<typeof EventQuerySchema>;
export type PutAgenda = Static<typeof PutAgendaSchema>;
