/**
 * Every error the API can answer with. The client shows `t(`errors.${code}`)`,
 * so each code has a message in both catalogs (`common/i18n/{en,ar}.json`).
 * The HTTP status is decided here, once.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  ACCOUNT_DISABLED: 403,
  NOT_FOUND: 404,
  ORGANISATION_NOT_FOUND: 404,
  PERSON_NOT_FOUND: 404,
  GROUP_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  TOKEN_INVALID: 410,
  SEASON_NOT_FOUND: 404,
  EVENT_NOT_FOUND: 404,
  LIBRARY_ENTRY_NOT_FOUND: 404,
  LIBRARY_COMMENT_NOT_FOUND: 404,
  SEASON_EXISTS: 409,
  REGISTRATION_CLOSED: 409,
  NOT_INVITED: 409,
  CHECK_IN_INVALID: 403,
  CHECK_IN_CLOSED: 409,
  NOT_EXPECTED: 409,
  MINUTES_CONFLICT: 409,
  LIBRARY_ENTRY_CONFLICT: 409,
  ATTENDANCE_NOT_OPEN: 409,
  EVENT_NOT_PUBLISHED: 409,
  ORGANISATION_CODE_TAKEN: 409,
  GROUP_CODE_TAKEN: 409,
  EMAIL_TAKEN: 409,
  WRONG_PASSWORD: 400,
  WEAK_PASSWORD: 400,
  LOGIN_THROTTLED: 429,
  PAYLOAD_TOO_LARGE: 413,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/** One invalid field of a request, with a message in the request's language. */
export interface FieldError {
  field: string;
  message: string;
}

/** The body of every error answer. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
}
