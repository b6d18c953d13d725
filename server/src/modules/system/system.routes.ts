import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { sql } from "kysely";
import { Type } from "typebox";
import type { Deps } from "../../deps.js";
import { AppError } from "../../lib/errors.js";

export const VERSION = "0.1.0";

export const systemRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ["system"];
  app.get("/api/health", {
    config: { auth: "public" },
    schema: { tags, summary: "Liveness and database reachability", response: { 200: Type.Object({ status: Type.Literal("ok"), database: Type.Literal("ok"), dialect: Type.String() }) } },
  }, async (request) => {
    try {
      await sql`select 1`.execute(deps.db);
    } catch (err) {
      request.log.error({ err }, "database unreachable");
      throw new AppError("DATABASE_UNAVAILABLE");
    }
    return { status: "ok" as const, database: "ok" as const, dialect: deps.dialect };
  });

  app.get("/api/version", {
    config: { auth: "public" },
    schema: { tags, summary: "Application version", response: { 200: Type.Object({ name: Type.String(), version: Type.String() }) } },
  }, async () => ({ name: "rifada", version: VERSION }));

  app.get("/api/openapi.json", {
    config: { auth: "public" },
    schema: { hide: true },
  }, async () => app.swagger());
};
