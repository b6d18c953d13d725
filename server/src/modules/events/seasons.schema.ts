import { Type, type Static } from "typebox";
import { Iso, NonBlank } from "../../lib/schemas.js";

const Day = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Gregorian date YYYY-MM-DD" });

export const SeasonSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  hijriYear: Type.Integer(),
  nameAr: Type.String(),
  nameEn: Type.String(),
  startsOn: Day,
  endsOn: Day,
  eventCount: Type.Integer(),
  createdAt: Iso,
  updatedAt: Iso,
  abilities: Type.Object({ update: Type.Boolean() }),
});

export const CreateSeasonSchema = Type.Object(
  {
    hijriYear: Type.Integer({ minimum: 1400, maximum: 1600 }),
    nameAr: Type.Optional(NonBlank(2, 200)),
    nameEn: Type.Optional(NonBlank(2, 200)),
    startsOn: Type.Optional(Day),
    endsOn: Type.Optional(Day),
  },
  { additionalProperties: false },
);
export const UpdateSeasonSchema = Type.Object(
  { nameAr: Type.Optional(NonBlank(2, 200)), nameEn: Type.Optional(NonBlank(2, 200)), startsOn: Type.Optional(Day), endsOn: Type.Optional(Day) },
  { additionalProperties: false },
);
export type CreateSeason = Static<typeof CreateSeasonSchema>;
export type UpdateSeason = Static<typeof UpdateSeasonSchema>;
