import fp from "fastify-plugin";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { ERROR_STATUS, type ErrorBody, type ErrorCode, type FieldError } from "../../../common/errors.js";
import type { Locale } from "../../../common/roles.js";
import { AppError } from "../lib/errors.js";
import { fieldLabel, translate } from "../lib/i18n.js";

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
  /** The offending value (ajv's `verbose` option). */
  data?: unknown;
}

function fieldName(error: AjvError, context: string | undefined): string {
  if (error.keyword === "required") return String(error.params.missingProperty);
  if (error.keyword === "additionalProperties") return String(error.params.additionalProperty);
  const path = error.instancePath.replace(/^\//, "").split("/")[0];
  return path || (context === "body" ? "body" : context ?? "body");
}

function messageFor(locale: Locale, error: AjvError, field: string, domain?: string): string {
  const label = fieldLabel(locale, field, domain);
  const limit = error.params.limit;
  switch (error.keyword) {
    case "required":
      return translate(locale, "validation.required", { field: label });
    case "minLength":
      return Number(limit) <= 1 || (typeof error.data === "string" && error.data.trim() === "")
        ? translate(locale, "validation.required", { field: label })
        : translate(locale, "validation.too_short", { field: label, limit });
    case "maxLength":
      return translate(locale, "validation.too_long", { field: label, limit });
    case "format":
      return error.params.format === "email"
        ? translate(locale, "validation.invalid_email", { field: label })
        : translate(locale, "validation.invalid_format", { field: label });
    case "pattern":
      return typeof error.data === "string" && error.data.trim() === ""
        ? translate(locale, "validation.required", { field: label })
        : translate(locale, "validation.invalid_format", { field: label });
    case "enum":
    case "const":
    case "anyOf":
    case "oneOf":
      return translate(locale, "validation.invalid_choice", { field: label });
    case "type":
      return ["number", "integer"].includes(String(error.params.type))
        ? translate(locale, "validation.invalid_number", { field: label })
        : translate(locale, "validation.invalid", { field: label });
    case "minimum":
      return translate(locale, "validation.too_small", { field: label, limit });
    case "maximum":
      return translate(locale, "validation.too_large", { field: label, limit });
    case "additionalProperties":
      return translate(locale, "validation.unknown_field", { field: label });
    default:
      return translate(locale, "validation.invalid", { field: label });
  }
}

/** Turn schema-validation errors into one localised message per field. */
export function validationFields(locale: Locale, errors: AjvError[], context?: string, domain?: string): FieldError[] {
  const byField = new Map<string, FieldError>();
  // `const` errors of a union of literals come before their `anyOf`; either says "not one of the choices".
  for (const error of errors) {
    const field = fieldName(error, context);
    if (!byField.has(field)) byField.set(field, { field, message: messageFor(locale, error, field, domain) });
  }
  return [...byField.values()];
}

/** "/api/events/…" → "events": the domain whose field labels apply. */
function apiDomain(url: string): string | undefined {
  return /^\/api\/([a-z-]+)/.exec(url)?.[1];
}

function send(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, fields?: FieldError[], params?: Record<string, unknown>) {
  const body: ErrorBody = { code, message: translate(request.locale ?? "ar", `errors.${code}`, params) };
  if (fields && fields.length > 0) body.fields = fields;
  return reply.status(ERROR_STATUS[code]).send(body);
}

/**
 * The one error handler: AppError and validation errors become `{ code, message, fields? }`
 * in the request's language; anything else is logged and answered with a generic 500.
 */
export const errorHandlerPlugin = fp(async (app) => {
  app.setErrorHandler((error: FastifyError & { validation?: AjvError[]; validationContext?: string }, request, reply) => {
    if (error instanceof AppError) {
      // Services name fields and message keys; the language is the request's.
      const locale = request.locale ?? "ar";
      const fields = error.fields?.map((f) => ({
        field: f.field,
        message: f.message.startsWith("validation.") ? translate(locale, f.message, { field: fieldLabel(locale, f.field, apiDomain(request.url)), ...error.params }) : f.message,
      }));
      return send(reply, request, error.code, fields, error.params);
    }
    if (error.validation) {
      return send(reply, request, "VALIDATION_FAILED", validationFields(request.locale ?? "ar", error.validation, error.validationContext, apiDomain(request.url)));
    }
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") return send(reply, request, "PAYLOAD_TOO_LARGE");
    if (typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON, unsupported media type and the like: the client's fault, but no internals.
      request.log.info({ err: error }, "bad request");
      return send(reply, request, error.statusCode === 404 ? "NOT_FOUND" : "BAD_REQUEST");
    }
    request.log.error({ err: error }, "unhandled error");
    return send(reply, request, "INTERNAL");
  });
}, { name: "error-handler" });
