import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import type { CountriesService } from "./countries.service.js";

export const countriesRoutes: FastifyPluginAsyncTypebox<{ service: CountriesService }> = async (app, { service }) => {
  app.get("/api/countries", {
    config: { auth: "public" },
    schema: {
      tags: ["directory"],
      summary: "Countries and their OIC membership status",
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ code: Type.String(), nameAr: Type.String(), nameEn: Type.String(), oicStatus: Type.String() })) }) },
    },
  }, async () => ({ items: await service.listCountries() }));
};
