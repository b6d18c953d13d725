import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { AppError } from "../../lib/errors.js";
import { cleanFileName, contentDisposition } from "../../lib/file-store.js";
import { errorResponses, IdParams } from "../../lib/schemas.js";
import { requireActor } from "../../plugins/auth.js";
import { IMPORT_MAX_BYTES } from "./enrolment-import.js";
import { EnrolmentListSchema, EnrolmentQuerySchema, EnrolmentSchema, EnrolPersonSchema, ImportBodySchema, ImportResultSchema, MyEnrolmentResultSchema, SelfEnrolSchema } from "./enrolments.schema.js";
import type { EnrolmentsService } from "./enrolments.service.js";

/** Bodies up to this size are read, so that a file just over the import's limit gets a clear message. */
const MULTIPART_LIMIT = 4 * IMPORT_MAX_BYTES;

/**
 * A `multipart/form-data` body (as a browser's FormData sends it): its text fields and its files.
 * Only what an enrolment import needs — one small file and a few fields, all in memory.
 * @throws AppError BAD_REQUEST when the body is not well-formed multipart
 */
export function parseMultipart(body: Buffer, contentType: string): Record<string, string | { fileName: string; data: Buffer }> {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!match) throw new AppError("BAD_REQUEST");
  const boundary = Buffer.from(`--${match[1] ?? match[2]}`);
  const out: Record<string, string | { fileName: string; data: Buffer }> = {};
  let at = body.indexOf(boundary);
  if (at < 0) throw new AppError("BAD_REQUEST");
  for (;;) {
    let start = at + boundary.length;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break; // "--": the closing boundary
    if (body[start] === 0x0d && body[start + 1] === 0x0a) start += 2;
    const headerEnd = body.indexOf("\r\n\r\n", start);
    const next = headerEnd < 0 ? -1 : body.indexOf(boundary, headerEnd + 4);
    if (next < 0) throw new AppError("BAD_REQUEST");
    const headers = body.subarray(start, headerEnd).toString("utf8");
    const end = body[next - 2] === 0x0d && body[next - 1] === 0x0a ? next - 2 : next;
    const content = body.subarray(headerEnd + 4, end);
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? "";
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    const starred = /\bfilename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition)?.[1];
    const plain = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    if (name && !(name in out)) {
      if (starred !== undefined || plain !== undefined) {
        let fileName = plain ?? "";
        try {
          fileName = starred !== undefined ? decodeURIComponent(starred.trim().replace(/^"|"$/g, "")) : fileName.replace(/%22/g, '"');
        } catch {
          // A malformed escape keeps the plain name.
        }
        out[name] = { fileName: cleanFileName(fileName), data: Buffer.from(content) };
      } else {
        out[name] = content.toString("utf8").trim();
      }
    }
    at = next;
  }
  return out;
}

/** Trainees of a programme: enrol oneself, enrol a person, list, withdraw, import from a file. */
export const enrolmentsRoutes: FastifyPluginAsyncTypebox<{ service: EnrolmentsService }> = async (app, { service }) => {
  const tags = ["training"];

  app.get("/api/training/programmes/:id/enrolments", {
    schema: { tags, summary: "The programme's trainees (managers: all; an organisation's admin: his own staff)", params: IdParams, querystring: EnrolmentQuerySchema, response: { 200: EnrolmentListSchema, ...errorResponses } },
  }, async (request) => service.listEnrolments(requireActor(request), request.params.id, request.query));

  app.post("/api/training/programmes/:id/enrolments", {
    schema: { tags, summary: "Enrol a person of the directory (managers: anyone; an admin: his organisation's people)", params: IdParams, body: EnrolPersonSchema, response: { 201: EnrolmentSchema, ...errorResponses, 409: errorResponses[400] } },
  }, async (request, reply) => reply.status(201).send(await service.enrolPerson(requireActor(request), request.params.id, request.body.personId)));

  app.post("/api/training/programmes/:id/enrolments/self", {
    schema: { tags, summary: "Enrol oneself in a published, open programme (names required when one is not in the directory)", params: IdParams, body: SelfEnrolSchema, response: { 201: MyEnrolmentResultSchema, ...errorResponses, 409: errorResponses[400] } },
  }, async (request, reply) => reply.status(201).send(await service.selfEnrol(requireActor(request), request.params.id, request.body ?? {})));

  app.delete("/api/training/enrolments/:id", {
    schema: { tags, summary: "Withdraw an enrolment (the trainee, his organisation's admin, or the programme's managers); the row is kept", params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await service.withdraw(requireActor(request), request.params.id);
    return reply.status(204).send(null);
  });

  for (const format of ["csv", "xlsx"] as const) {
    app.get(`/api/training/programmes/:id/enrolments/template.${format}`, {
      schema: { tags, summary: `The import template (${format.toUpperCase()}, bilingual headers)`, params: IdParams, response: { 200: Type.Unsafe({ type: "string", format: "binary" }), ...errorResponses } },
    }, async (request, reply) => {
      const file = await service.template(requireActor(request), request.params.id, format);
      return reply.header("content-type", file.contentType).header("content-disposition", contentDisposition(file.fileName)).header("cache-control", "private, no-store").send(file.data);
    });
  }

  await app.register(async (scope) => {
    const upload = scope.withTypeProvider<TypeBoxTypeProvider>();
    upload.addContentTypeParser("multipart/form-data", { parseAs: "buffer", bodyLimit: MULTIPART_LIMIT }, (request, body, done) => {
      try {
        done(null, parseMultipart(body as Buffer, String(request.headers["content-type"] ?? "")));
      } catch (err) {
        done(err as Error, undefined);
      }
    });
    upload.post("/api/training/programmes/:id/enrolments/import", {
      bodyLimit: MULTIPART_LIMIT,
      schema: {
        tags,
        summary: "Enrol people from a CSV or XLSX file (multipart: file, mode=preview|commit, validOnly, invite)",
        consumes: ["multipart/form-data"],
        params: IdParams,
        body: ImportBodySchema,
        response: { 200: ImportResultSchema, ...errorResponses, 409: errorResponses[400], 413: errorResponses[400] },
      },
    }, async (request) => {
      const body = request.body;
      if (!body.file || typeof body.file !== "object" || !Buffer.isBuffer(body.file.data)) {
        throw new AppError("VALIDATION_FAILED", { fields: [{ field: "file", message: "validation.required" }] });
      }
      return service.importEnrolments(requireActor(request), request.params.id, {
        file: body.file,
        mode: body.mode ?? "preview",
        validOnly: body.validOnly === "true",
        invite: body.invite === "true",
      });
    });
  });
};
