import { ERROR_STATUS, type ErrorCode, type FieldError } from "../../../common/errors.js";

/**
 * A failure the client may see: a typed code (mapped to an HTTP status once,
 * in common/errors.ts) and, for invalid input, per-field messages.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldError[];
  /** Extra values for the translated message. */
  readonly params?: Record<string, unknown>;

  constructor(code: ErrorCode, options: { message?: string; fields?: FieldError[]; params?: Record<string, unknown> } = {}) {
    super(options.message ?? code);
    this.name = "AppError";
    this.code = code;
    this.fields = options.fields;
    this.params = options.params;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
