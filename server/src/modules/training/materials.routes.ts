import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { ACCEPTED_EXTENSIONS, contentDisposition } from "../../lib/file-store.js";
import { errorResponses, IdParams } from "../../lib/schemas.js";
import { requireActor } from "../../plugins/auth.js";
import { CreateLinkSchema, CreateModuleSchema, ModulesSchema, OrderSchema, UpdateMaterialSchema, UpdateModuleSchema, UploadQuerySchema } from "./materials.schema.js";
import type { MaterialsService } from "./materials.service.js";

/** Modules of a programme and their materials (files, links, video links). Each write answers the programme's modules. */
export const materialsRoutes: FastifyPluginAsyncTypebox<{ service: MaterialsService }> = async (app, { service }) => {
  const tags = ["training"];
  const modules = { 200: ModulesSchema, ...errorResponses };

  app.post("/api/training/programmes/:id/modules", {
    schema: { tags, summary: "Add a module at the end (programme managers)", params: IdParams, body: CreateModuleSchema, response: { 201: ModulesSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await service.addModule(requireActor(request), request.params.id, request.body)));

  app.put("/api/training/programmes/:id/modules/order", {
    schema: { tags, summary: "Reorder the modules (every module id, in the new order)", params: IdParams, body: OrderSchema, response: modules },
  }, async (request) => service.reorderModules(requireActor(request), request.params.id, request.body.ids));

  app.patch("/api/training/modules/:id", {
    schema: { tags, summary: "Edit a module's titles and summaries", params: IdParams, body: UpdateModuleSchema, response: modules },
  }, async (request) => service.updateModule(requireActor(request), request.params.id, request.body));

  app.delete("/api/training/modules/:id", {
    schema: { tags, summary: "Delete a module with its materials", params: IdParams, response: modules },
  }, async (request) => service.deleteModule(requireActor(request), request.params.id));

  app.post("/api/training/modules/:id/materials", {
    schema: { tags, summary: "Add a link or a video link (http or https)", params: IdParams, body: CreateLinkSchema, response: { 201: ModulesSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await service.addLink(requireActor(request), request.params.id, request.body)));

  app.put("/api/training/modules/:id/materials/order", {
    schema: { tags, summary: "Reorder a module's materials (every material id, in the new order)", params: IdParams, body: OrderSchema, response: modules },
  }, async (request) => service.reorderMaterials(requireActor(request), request.params.id, request.body.ids));

  // The upload's body is the file itself (fetch(url, { body: file })), streamed to disk.
  await app.register(async (scope) => {
    const upload = scope.withTypeProvider<TypeBoxTypeProvider>();
    upload.addContentTypeParser("*", (_request, _payload, done) => done(null));
    upload.post("/api/training/modules/:id/files", {
      schema: {
        tags,
        summary: `Add a file (body: the file's bytes; accepted: ${ACCEPTED_EXTENSIONS.join(", ")})`,
        consumes: ["application/octet-stream"],
        params: IdParams,
        querystring: UploadQuerySchema,
        response: { 201: ModulesSchema, ...errorResponses, 413: errorResponses[400] },
      },
    }, async (request, reply) => {
      const length = request.headers["content-length"];
      const result = await service.uploadFile(requireActor(request), request.params.id, {
        fileName: request.query.fileName,
        titleAr: request.query.titleAr,
        titleEn: request.query.titleEn,
        declaredSize: length ? Number(length) : null,
        body: request.raw,
      });
      return reply.status(201).send(result);
    });
  });

  app.patch("/api/training/materials/:id", {
    schema: { tags, summary: "Edit a material's titles (and a link's address)", params: IdParams, body: UpdateMaterialSchema, response: modules },
  }, async (request) => service.updateMaterial(requireActor(request), request.params.id, request.body));

  app.delete("/api/training/materials/:id", {
    schema: { tags, summary: "Remove a material (and its file)", params: IdParams, response: modules },
  }, async (request) => service.deleteMaterial(requireActor(request), request.params.id));

  app.get("/api/training/materials/:id/file", {
    config: { auth: "public" },
    schema: { tags, summary: "Download a material's file (whoever may read the programme)", params: IdParams, response: { 200: Type.Unsafe({ type: "string", format: "binary" }), ...errorResponses } },
  }, async (request, reply) => {
    const file = await service.openFile(request.actor, request.params.id);
    return reply
      .header("content-type", file.contentType)
      .header("content-length", file.size)
      .header("content-disposition", contentDisposition(file.fileName))
      .header("cache-control", "private, no-store")
      .send(file.stream);
  });
};
