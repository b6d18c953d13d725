import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";

/** A new record id. */
export function newId(): string {
  return randomUUID();
}

/** A random secret for links, sessions and API tokens (256 bits, URL-safe). */
export function newSecret(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

/** Secrets are stored only as their SHA-256, so a leaked table grants nothing. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Compare two strings in constant time. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The current instant as an ISO string (one place, so tests can reason about it). */
export function nowIso(): string {
  return new Date().toISOString();
}

/** `minutes` from now (or from `from`) as an ISO string. */
export function isoIn(minutes: number, from: Date = new Date()): string {
  return new Date(from.getTime() + minutes * 60_000).toISOString();
}
