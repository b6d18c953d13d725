import { Type, type TSchema } from "typebox";
import { DIGITS, LOCALES, ORGANISATION_KINDS, POSITIONS, ROLES, VISIBILITIES } from "../../../common/roles.js";

/** One of a fixed set of strings (`enum` in JSON Schema and OpenAPI). */
export function StringEnum<const T extends readonly string[]>(values: T, options: Record<string, unknown> = {}) {
  return Type.Unsafe<T[number]>({ type: "string", enum: [...values], ...options });
}

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const RoleSchema = StringEnum(ROLES);
export const LocaleSchema = StringEnum(LOCALES);
export const DigitsSchema = StringEnum(DIGITS);
export const KindSchema = StringEnum(ORGANISATION_KINDS);
export const VisibilitySchema = StringEnum(VISIBILITIES);
export const PositionSchema = StringEnum(POSITIONS);

/** Text that must contain something other than spaces. */
export const NonBlank = (minLength: number, maxLength: number) => Type.String({ minLength, maxLength, pattern: "\\S" });

export const Email = Type.String({ format: "email", maxLength: 254 });
export const Iso = Type.String({ description: "ISO-8601 instant, UTC" });
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const ErrorSchema = Type.Object({
  code: Type.String(),
  message: Type.String(),
  fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
});

/** Error answers every route may give, for the OpenAPI document. */
export const errorResponses = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
};

export const OrgRefSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  nameAr: Type.String(),
  nameEn: Type.String(),
  kind: Type.String(),
});

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
};

export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
}
