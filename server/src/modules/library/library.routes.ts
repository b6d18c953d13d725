import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { ACCEPTED_EXTENSIONS, contentDisposition } from "../../lib/file-store.js";
import { errorResponses, IdParams } from "../../lib/schemas.js";
import { requireActor } from "../../plugins/auth.js";
import type { LibraryService } from "./library.service.js";
import {
  CommentSchema,
  CreateCommentSchema,
  CreateEntrySchema,
  EntryListSchema,
  EntryQuerySchema,
  EntrySchema,
  LibraryAttachmentSchema,
  TagListSchema,
  TagQuerySchema,
  UpdateEntrySchema,
  UsefulSchema,
  VersionListSchema,
  VersionSchema,
} from "./library.schema.js";

const Id = Type.String({ minLength: 1, maxLength: 64 });

/** The best-practice library: entries, versions, comments, "useful" marks, files and tags. */
export const libraryRoutes: FastifyPluginAsyncTypebox<{ service: LibraryService }> = async (app, { service }) => {
  const tags = ["library"];
  const VersionParams = Type.Object({ id: Id, version: Type.Integer({ minimum: 1 }) });
  const CommentParams = Type.Object({ id: Id, commentId: Id });
  const FileParams = Type.Object({ id: Id, attachmentId: Id });

  app.get("/api/library/entries", {
    config: { auth: "public" },
    schema: { tags, summary: "Library entries the caller may read (filters, pages; sort recent or useful)", querystring: EntryQuerySchema, response: { 200: EntryListSchema, ...errorResponses } },
  }, async (request) => service.findEntries(request.actor, request.query, request.locale));

  app.post("/api/library/entries", {
    schema: {
      tags,
      summary: "Write an entry for one's organisation (kept stable for scripts)",
      body: CreateEntrySchema,
      response: { 201: EntrySchema, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await service.createEntry(requireActor(request), request.body, request.locale)));

  app.get("/api/library/entries/:id", {
    config: { auth: "public" },
    schema: { tags, summary: "One entry (404 when missing, withdrawn or not readable)", params: IdParams, response: { 200: EntrySchema, ...errorResponses } },
  }, async (request) => service.getEntry(request.actor, request.params.id, request.locale));

  app.patch("/api/library/entries/:id", {
    schema: {
      tags,
      summary: "Edit an entry (409 if someone saved since `version`); every save is a new version",
      params: IdParams,
      body: UpdateEntrySchema,
      response: { 200: EntrySchema, ...errorResponses, 409: errorResponses[400] },
    },
  }, async (request) => service.updateEntry(requireActor(request), request.params.id, request.body, request.locale));

  app.delete("/api/library/entries/:id", {
    schema: { tags, summary: "Withdraw an entry (kept with its history, out of lists and search)", params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await service.withdrawEntry(requireActor(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get("/api/library/entries/:id/versions", {
    config: { auth: "public" },
    schema: { tags, summary: "The entry's versions, newest first", params: IdParams, response: { 200: VersionListSchema, ...errorResponses } },
  }, async (request) => service.listVersions(request.actor, request.params.id));

  app.get("/api/library/entries/:id/versions/:version", {
    config: { auth: "public" },
    schema: { tags, summary: "One version's text, kind, category and tags", params: VersionParams, response: { 200: VersionSchema, ...errorResponses } },
  }, async (request) => service.getVersion(request.actor, request.params.id, request.params.version));

  app.get("/api/library/entries/:id/comments", {
    config: { auth: "public" },
    schema: { tags, summary: "Comments and questions, oldest first; replies carry parentId", params: IdParams, response: { 200: Type.Object({ items: Type.Array(CommentSchema) }), ...errorResponses } },
  }, async (request) => service.listComments(request.actor, request.params.id));

  app.post("/api/library/entries/:id/comments", {
    schema: { tags, summary: "Comment on an entry or ask its authors a question", params: IdParams, body: CreateCommentSchema, response: { 201: CommentSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await service.addComment(requireActor(request), request.params.id, request.body)));

  app.delete("/api/library/entries/:id/comments/:commentId", {
    schema: { tags, summary: "Remove a comment (its writer, the entry's organisation's admin, or a coordinator)", params: CommentParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await service.deleteComment(requireActor(request), request.params.id, request.params.commentId);
    return reply.status(204).send(null);
  });

  app.put("/api/library/entries/:id/useful", {
    schema: { tags, summary: "Mark the entry as useful (once per user)", params: IdParams, response: { 200: UsefulSchema, ...errorResponses } },
  }, async (request) => service.setUseful(requireActor(request), request.params.id, true));

  app.delete("/api/library/entries/:id/useful", {
    schema: { tags, summary: "Take back one's useful mark", params: IdParams, response: { 200: UsefulSchema, ...errorResponses } },
  }, async (request) => service.setUseful(requireActor(request), request.params.id, false));

  app.get("/api/library/entries/:id/attachments", {
    config: { auth: "public" },
    schema: { tags, summary: "The entry's files", params: IdParams, response: { 200: Type.Object({ items: Type.Array(LibraryAttachmentSchema) }), ...errorResponses } },
  }, async (request) => service.listAttachments(request.actor, request.params.id));

  // The upload's body is the file itself (fetch(url, { body: file })), streamed to disk.
  await app.register(async (scope) => {
    const upload = scope.withTypeProvider<TypeBoxTypeProvider>();
    upload.addContentTypeParser("*", (_request, _payload, done) => done(null));
    upload.post("/api/library/entries/:id/attachments", {
      schema: {
        tags,
        summary: `Attach a file (body: the file's bytes; accepted: ${ACCEPTED_EXTENSIONS.join(", ")})`,
        consumes: ["application/octet-stream"],
        params: IdParams,
        querystring: Type.Object({ fileName: Type.String({ minLength: 1, maxLength: 255 }) }),
        response: { 201: LibraryAttachmentSchema, ...errorResponses, 413: errorResponses[400] },
      },
    }, async (request, reply) => {
      const length = request.headers["content-length"];
      const created = await service.uploadAttachment(requireActor(request), request.params.id, {
        fileName: request.query.fileName,
        declaredSize: length ? Number(length) : null,
        body: request.raw,
      });
      return reply.status(201).send(created);
    });
  });

  app.get("/api/library/entries/:id/attachments/:attachmentId", {
    config: { auth: "public" },
    schema: { tags, summary: "Download a file", params: FileParams, response: { 200: Type.Unsafe({ type: "string", format: "binary" }), ...errorResponses } },
  }, async (request, reply) => {
    const file = await service.openAttachment(request.actor, request.params.id, request.params.attachmentId);
    return reply
      .header("content-type", file.contentType)
      .header("content-length", file.size)
      .header("content-disposition", contentDisposition(file.fileName))
      .header("cache-control", "private, no-store")
      .send(file.stream);
  });

  app.delete("/api/library/entries/:id/attachments/:attachmentId", {
    schema: { tags, summary: "Remove a file", params: FileParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await service.removeAttachment(requireActor(request), request.params.id, request.params.attachmentId);
    return reply.status(204).send(null);
  });

  app.get("/api/library/tags", {
    config: { auth: "public" },
    schema: { tags, summary: "Tags of the entries the caller may read, most used first (q: prefix)", querystring: TagQuerySchema, response: { 200: TagListSchema, ...errorResponses } },
  }, async (request) => service.listTags(request.actor, request.query.q));
};
