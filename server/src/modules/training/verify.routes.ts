import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { AppError } from "../../lib/errors.js";
import { errorResponses, ErrorSchema } from "../../lib/schemas.js";
import type { CertificatesService } from "./certificates.service.js";
import { CodeParams, VerificationSchema } from "./certificates.schema.js";

/** Unknown codes one address may try per window before it is made to wait (guessing codes is pointless, but cheap to stop). */
const MAX_MISSES = 30;
const WINDOW_MS = 10 * 60_000;

/** Counts lookups of unknown codes per client address, in memory (one process). */
function missLimiter(now: () => number = Date.now) {
  const misses = new Map<string, { count: number; since: number }>();
  return {
    blocked(ip: string): boolean {
      const m = misses.get(ip);
      if (m && now() - m.since > WINDOW_MS) misses.delete(ip);
      return (misses.get(ip)?.count ?? 0) >= MAX_MISSES;
    },
    miss(ip: string): void {
      const m = misses.get(ip);
      if (m) m.count++;
      else misses.set(ip, { count: 1, since: now() });
      // Old entries go when the map grows (no timer to clean up).
      if (misses.size > 10_000) for (const [k, v] of misses) if (now() - v.since > WINDOW_MS) misses.delete(k);
    },
  };
}

/** Public verification of a certificate by its code: anyone, signed in or not. */
export const verifyRoutes: FastifyPluginAsyncTypebox<{ service: CertificatesService }> = async (app, { service }) => {
  const limiter = missLimiter();

  app.get("/api/verify/:code", {
    config: { auth: "public" },
    schema: {
      tags: ["training"],
      summary: "Verify a certificate code (as typed): names, programme, completion date and whether it is valid or revoked — nothing else",
      security: [],
      params: CodeParams,
      response: { 200: VerificationSchema, ...errorResponses, 429: ErrorSchema },
    },
  }, async (request) => {
    if (limiter.blocked(request.ip)) throw new AppError("LOGIN_THROTTLED");
    try {
      return await service.verifyCertificate(request.params.code);
    } catch (err) {
      if (err instanceof AppError && err.code === "CERTIFICATE_NOT_FOUND") limiter.miss(request.ip);
      throw err;
    }
  });
};
