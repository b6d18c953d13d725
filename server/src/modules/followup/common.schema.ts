import { Type } from "typebox";
import { Nullable } from "../../lib/schemas.js";

/** A Gregorian calendar date, "YYYY-MM-DD" (the web converts Hijri input). */
export const DateOnly = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Gregorian date YYYY-MM-DD" });
export const Id = Type.String({ minLength: 1, maxLength: 64 });

/** An organisation as follow-up answers show it. */
export const FollowupOrgSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  nameAr: Type.String(),
  nameEn: Type.String(),
  kind: Type.String(),
  country: Nullable(Type.String()),
});
export const UserRefSchema = Type.Object({ id: Type.String(), name: Type.String() });
export const EventRefSchema = Type.Object({ id: Type.String(), titleAr: Type.String(), titleEn: Type.String(), startsAt: Type.String() });
