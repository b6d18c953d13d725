import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import type { Deps } from "../../deps.js";
import { contentDisposition } from "../../lib/file-store.js";
import { errorResponses, ErrorSchema, IdParams } from "../../lib/schemas.js";
import { createPdfRenderer } from "../../lib/pdf.js";
import { requireActor } from "../../plugins/auth.js";
import type { EventsService } from "../events/events.service.js";
import { createCertificatesService, type CertificatesService } from "./certificates.service.js";
import { resultsRoutes } from "./results.routes.js";
import { createResultsService } from "./results.service.js";
import { verifyRoutes } from "./verify.routes.js";
import { CertificateListQuerySchema, CertificateListSchema, CertificateSchema, IssueResultSchema, RevokeSchema } from "./certificates.schema.js";

const Binary = Type.Unsafe({ type: "string", format: "binary" });
const withConflict = { ...errorResponses, 409: ErrorSchema };

/** Certificates of completion: issue, list, revoke, download (PDF, or a workshop's as ZIP). */
export const certificatesRoutes: FastifyPluginAsyncTypebox<{ service: CertificatesService }> = async (app, { service }) => {
  const tags = ["training"];

  app.post("/api/training/programmes/:id/my-certificate", {
    schema: {
      tags,
      summary: "The caller's certificate: the valid one he holds (200) or a new one when he has completed the programme (201); 409 TRAINING_NOT_COMPLETE names what is missing",
      params: IdParams,
      response: { 200: CertificateSchema, 201: CertificateSchema, ...withConflict },
    },
  }, async (request, reply) => {
    const { certificate, created } = await service.issueMine(requireActor(request), request.params.id);
    return reply.status(created ? 201 : 200).send(certificate);
  });

  app.post("/api/training/programmes/:id/certificates/issue", {
    schema: { tags, summary: "Issue a certificate to every complete trainee without a valid one (the programme's managers)", params: IdParams, response: { 200: IssueResultSchema, ...errorResponses } },
  }, async (request) => service.issueAll(requireActor(request), request.params.id));

  app.get("/api/training/programmes/:id/certificates", {
    schema: { tags, summary: "The programme's certificates (managers and coordinators: all; an organisation admin: his own)", params: IdParams, querystring: CertificateListQuerySchema, response: { 200: CertificateListSchema, ...errorResponses } },
  }, async (request) => service.listCertificates(requireActor(request), request.params.id, request.query));

  app.post("/api/training/certificates/:id/revoke", {
    schema: { tags, summary: "Revoke a certificate with a reason (the programme's managers); the trainee is told by email", params: IdParams, body: RevokeSchema, response: { 200: CertificateSchema, ...withConflict } },
  }, async (request) => service.revokeCertificate(requireActor(request), request.params.id, request.body.reason));

  app.get("/api/training/certificates/:id/pdf", {
    schema: {
      tags,
      summary: "The certificate as PDF (the trainee, his organisation's admin, the programme's managers, coordinators); a revoked one is stamped REVOKED",
      params: IdParams,
      response: { 200: Binary, ...errorResponses, 503: ErrorSchema },
    },
  }, async (request, reply) => {
    const file = await service.getPdf(requireActor(request), request.params.id);
    return reply
      .header("content-type", "application/pdf")
      .header("content-disposition", contentDisposition(file.fileName))
      .header("cache-control", "private, no-store")
      .send(file.buffer);
  });

  app.get("/api/events/:id/certificates.zip", {
    schema: {
      tags,
      summary: "The valid certificates of the workshop's trainees as one ZIP (managers and coordinators: all; an organisation admin: his own)",
      params: IdParams,
      response: { 200: Binary, ...errorResponses, 503: ErrorSchema },
    },
  }, async (request, reply) => {
    const file = await service.zipForEvent(requireActor(request), request.params.id);
    return reply
      .header("content-type", "application/zip")
      .header("content-disposition", contentDisposition(file.fileName))
      .header("cache-control", "private, no-store")
      .send(file.stream);
  });
};

/**
 * Completion, results, certificates and verification, wired: one Chromium for the PDFs (launched on
 * first use, closed with the app), the results and certificates services and their routes.
 */
export async function certificatesPlugin(app: FastifyInstance, { deps, events }: { deps: Deps; events: EventsService }): Promise<void> {
  const pdf = createPdfRenderer({ log: deps.log });
  app.addHook("onClose", async () => pdf.close());
  const certificates = createCertificatesService(deps, events, pdf);
  await app.register(resultsRoutes, { service: createResultsService(deps) });
  await app.register(certificatesRoutes, { service: certificates });
  await app.register(verifyRoutes, { service: certificates });
}
