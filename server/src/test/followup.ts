import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { newId, nowIso } from "../lib/tokens.js";
import { bulkUsers, orgId, type Client, type TestApp } from "./app.js";
import { touchEventFacts } from "../modules/training/facts-version.js";

/** Wall-clock time in Riyadh (UTC+3) `hours` from now, as the events API takes it. */
export const riyadhIn = (hours: number) => new Date(Date.now() + (3 + hours) * 3_600_000).toISOString().slice(0, 16);

/** A YYYY-MM-DD date `days` from today (Riyadh). */
export const dayIn = (days: number) => new Date(Date.now() + 3 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** A season by Hijri year, created by the coordinator if missing. */
export async function ensureSeason(coordinator: Client, hijriYear: number): Promise<string> {
  const created = await coordinator.request("POST", "/api/seasons", { hijriYear });
  if (created.statusCode === 201) return created.json().id;
  return (await coordinator.request("GET", `/api/seasons/${hijriYear}`)).json().id;
}

/** Create an event through the API (201 expected); returns its id. */
export async function createEvent(c: Client, body: Record<string, unknown>): Promise<string> {
  const r = await c.request("POST", "/api/events", {
    kind: "meeting", mode: "in_person", registration: "invitation", visibility: "private", startsLocal: riyadhIn(-48), endsLocal: riyadhIn(-46), ...body,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id;
}

/** Invite organisations (by code) to an event. */
export async function invite(t: TestApp, host: Client, eventId: string, codes: string[]): Promise<void> {
  const organisationIds = await Promise.all(codes.map((c) => orgId(t, c)));
  const r = await host.request("POST", `/api/events/${eventId}/invitations`, { organisationIds });
  expect(r.statusCode, r.body).toBe(200);
}

/** A signed-in caller by API token (no CSRF needed): a new user of `organisationCode` with `role`, English by default. */
export async function tokenClient(t: TestApp, organisationCode: string, role: string, prefix: string): Promise<Client & { userId: string }> {
  const [user] = await bulkUsers(t, 1, { organisationCode, role, prefix });
  return {
    cookie: "",
    csrf: "",
    userId: user.id,
    request: (method, url, body, headers = {}) =>
      t.app.inject({ method: method as "GET", url, payload: body as object | undefined, headers: { authorization: `Bearer ${user.token}`, ...headers } }) as Promise<LightMyRequestResponse>,
  };
}

/** Record that a person (or user) of an organisation attended an event. */
export async function attend(t: TestApp, eventId: string, organisationCode: string, key: string): Promise<void> {
  await t.database.db.insertInto("attendance").values({
    id: newId(), eventId, attendeeKey: key, personId: null, userId: null, organisationId: await orgId(t, organisationCode), source: "import", minutes: 60, checkedInAt: nowIso(), recordedBy: null,
  }).execute();
  await touchEventFacts(t.database.db, [eventId]);
}

/** Upload bytes as a file (the body is the file itself). */
export function upload(t: TestApp, c: Client, url: string, fileName: string, body: Buffer) {
  const auth = c.cookie ? { cookie: c.cookie, "x-csrf-token": c.csrf } : {};
  return c.cookie
    ? t.app.inject({ method: "POST", url: `${url}?fileName=${encodeURIComponent(fileName)}`, payload: body, headers: { ...auth, "content-type": "application/octet-stream" } })
    : c.request("POST", `${url}?fileName=${encodeURIComponent(fileName)}`, body, { "content-type": "application/octet-stream" });
}

export const PDF = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.from("1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")]);
