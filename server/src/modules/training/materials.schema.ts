import { Type, type Static } from "typebox";
import { ModuleSchema } from "./programmes.schema.js";

export const URL_MAX = 2000;
const Title = Type.String({ maxLength: 300, description: "required" });
const Summary = Type.String({ maxLength: 4000 });

// Required texts are checked by the service, so that the message names the field as the form does.
export const CreateModuleSchema = Type.Object(
  { titleAr: Type.Optional(Title), titleEn: Type.Optional(Title), summaryAr: Type.Optional(Type.Union([Summary, Type.Null()])), summaryEn: Type.Optional(Type.Union([Summary, Type.Null()])) },
  { additionalProperties: false },
);
export const UpdateModuleSchema = CreateModuleSchema;

export const OrderSchema = Type.Object({ ids: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 500, description: "every id of the list, in the new order" }) }, { additionalProperties: false });

export const CreateLinkSchema = Type.Object(
  {
    kind: Type.Unsafe<"link" | "video">({ type: "string", enum: ["link", "video"] }),
    titleAr: Type.Optional(Title),
    titleEn: Type.Optional(Title),
    url: Type.Optional(Type.String({ maxLength: URL_MAX, description: "required: an http(s) address" })),
  },
  { additionalProperties: false },
);

export const UpdateMaterialSchema = Type.Object(
  { titleAr: Type.Optional(Title), titleEn: Type.Optional(Title), url: Type.Optional(Type.String({ maxLength: URL_MAX, description: "links and videos only" })) },
  { additionalProperties: false },
);

export const UploadQuerySchema = Type.Object({
  fileName: Type.String({ minLength: 1, maxLength: 255 }),
  titleAr: Type.Optional(Type.String({ maxLength: 300, description: "default: the file's name" })),
  titleEn: Type.Optional(Type.String({ maxLength: 300, description: "default: the file's name" })),
});

export const ModulesSchema = Type.Object({ items: Type.Array(ModuleSchema) });

export type CreateModule = Static<typeof CreateModuleSchema>;
export type CreateLink = Static<typeof CreateLinkSchema>;
export type UpdateMaterial = Static<typeof UpdateMaterialSchema>;
