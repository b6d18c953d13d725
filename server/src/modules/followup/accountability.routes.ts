import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { EXPORT_FORMATS, RECOMMENDATION_STATUSES, UPDATE_KINDS } from "../../../../common/followup.js";
import { contentDisposition } from "../../lib/file-store.js";
import { errorResponses, Iso, Nullable, StringEnum } from "../../lib/schemas.js";
import { requireActor } from "../../plugins/auth.js";
import type { AccountabilityService } from "./accountability.service.js";
import { DateOnly } from "./common.schema.js";
import { filterQuery } from "./recommendations.schema.js";

const Status = StringEnum(RECOMMENDATION_STATUSES);
const Rate = Nullable(Type.Number({ description: "done / (approved + in progress + done); null when that is 0" }));

const AccountabilityQuerySchema = Type.Object({
  ...filterQuery,
  from: Type.Optional(DateOnly),
  to: Type.Optional(DateOnly),
});

const AccountabilitySchema = Type.Object({
  totals: Type.Object({
    total: Type.Integer(),
    proposed: Type.Integer(),
    approved: Type.Integer(),
    inProgress: Type.Integer(),
    done: Type.Integer(),
    dropped: Type.Integer(),
    overdue: Type.Integer(),
    implementationRate: Rate,
  }),
  byArea: Type.Array(Type.Object({
    areaId: Nullable(Type.String()),
    code: Nullable(Type.String()),
    titleAr: Nullable(Type.String()),
    titleEn: Nullable(Type.String()),
    total: Type.Integer(),
    done: Type.Integer(),
    rate: Rate,
    averageProgress: Nullable(Type.Number()),
  })),
  byOrganisation: Type.Array(Type.Object({
    organisationId: Type.String(),
    nameAr: Type.String(),
    nameEn: Type.String(),
    country: Nullable(Type.String()),
    total: Type.Integer(),
    done: Type.Integer(),
    rate: Rate,
    averageProgress: Nullable(Type.Number()),
    overdue: Type.Integer(),
  })),
  overdue: Type.Array(Type.Object({
    id: Type.String(),
    reference: Nullable(Type.String()),
    textAr: Type.String(),
    textEn: Type.String(),
    status: Status,
    progress: Type.Integer(),
    dueOn: Type.String(),
    daysOverdue: Type.Integer(),
    responsibles: Type.Array(Type.Object({ id: Type.String(), nameAr: Type.String(), nameEn: Type.String() })),
  })),
  timeline: Type.Array(Type.Object({
    id: Type.String(),
    date: Iso,
    kind: StringEnum(UPDATE_KINDS),
    recommendationId: Type.String(),
    reference: Nullable(Type.String()),
    textAr: Type.String(),
    textEn: Type.String(),
    statusFrom: Nullable(Status),
    statusTo: Nullable(Status),
    progressTo: Nullable(Type.Integer()),
    organisation: Type.Object({ id: Type.String(), nameAr: Type.String(), nameEn: Type.String() }),
  })),
});

/** The accountability view and its exports. */
export const accountabilityRoutes: FastifyPluginAsyncTypebox<{ service: AccountabilityService }> = async (app, { service }) => {
  const tags = ["follow-up"];

  app.get("/api/accountability", {
    schema: { tags, summary: "Implementation rate, progress by area and organisation, overdue list, timeline", querystring: AccountabilityQuerySchema, response: { 200: AccountabilitySchema, ...errorResponses } },
  }, async (request) => service.getAccountability(requireActor(request), request.query));

  app.get("/api/accountability/export", {
    schema: {
      tags,
      summary: "The matching recommendations as CSV (UTF-8 with BOM) or XLSX",
      querystring: Type.Object({ ...AccountabilityQuerySchema.properties, format: StringEnum(EXPORT_FORMATS) }),
      response: { 200: Type.Unsafe({ type: "string", format: "binary" }), ...errorResponses },
    },
  }, async (request, reply) => {
    const file = await service.exportAccountability(requireActor(request), request.query, request.locale ?? "ar");
    return reply
      .header("content-type", file.contentType)
      .header("content-disposition", contentDisposition(file.fileName))
      .header("cache-control", "private, no-store")
      .send(file.stream);
  });
};
