import path from "node:path";

/** Settings read once from the environment. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** Public base URL used in links sent by email (invitations, resets). */
  publicUrl: string;
  logLevel: string;
  /** Serve the built web app from this folder (null: API only). */
  webDir: string | null;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxFailures: number;
  loginWindowMinutes: number;
  /** Mark cookies Secure (behind https). */
  secureCookies: boolean;
  trustProxy: boolean;
  /** `smtp://user:pass@host:587` or `smtps://…`; null: messages stay pending in the outbox. */
  smtpUrl: string | null;
  /** From header of sent mail. */
  mailFrom: string;
  /** How often the sender looks for due messages. */
  mailSendIntervalSeconds: number;
  /** Largest accepted attachment (ATTACHMENT_MAX_MB, default 20). */
  attachmentMaxBytes: number;
}

function int(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === "" ? NaN : Number(value);
  return Number.isFinite(n) ? n : fallback;
}

/** Build the configuration from `env` (defaults suit a developer machine). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const port = int(env.PORT, 3000);
  const host = env.HOST || "0.0.0.0";
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, "");
  const databaseUrl = env.DATABASE_URL && /^postgres(ql)?:\/\//.test(env.DATABASE_URL) ? env.DATABASE_URL : null;
  // A mistyped SMTP_URL would silently leave every message pending; refuse to start instead.
  if (env.SMTP_URL && !/^smtps?:\/\//.test(env.SMTP_URL)) throw new Error("SMTP_URL must start with smtp:// or smtps://");
  return {
    port,
    host,
    dataDir: path.resolve(env.DATA_DIR || "data"),
    databaseUrl,
    publicUrl,
    logLevel: env.LOG_LEVEL || "info",
    webDir: env.WEB_DIR === "" ? null : path.resolve(env.WEB_DIR || "dist/web"),
    sessionIdleMinutes: int(env.SESSION_IDLE_MINUTES, 120),
    sessionAbsoluteHours: int(env.SESSION_ABSOLUTE_HOURS, 12),
    loginMaxFailures: int(env.LOGIN_MAX_FAILURES, 5),
    loginWindowMinutes: int(env.LOGIN_WINDOW_MINUTES, 15),
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === "true" : publicUrl.startsWith("https://"),
    trustProxy: env.TRUST_PROXY === "true",
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM || "Rifada <no-reply@rifada.local>",
    mailSendIntervalSeconds: Math.max(1, int(env.MAIL_SEND_INTERVAL_SECONDS, 15)),
    attachmentMaxBytes: Math.max(1, int(env.ATTACHMENT_MAX_MB, 20)) * 1024 * 1024,
    ...overrides,
  };
}
