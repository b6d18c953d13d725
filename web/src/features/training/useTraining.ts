import { useCallback } from "react";
import type { EnrolmentStatus, TrainingAudience } from "../../../../common/training.js";
import { useApi } from "../../api/useApi.js";
import { usePickLocal } from "../../components/format.js";
import type { ProgrammeDetail, ProgrammeSummary, TrainingModule, TrainingOrg } from "./types.js";

/**
 * Shapes of the programme list, modules, enrolments and the enrolment import
 * (server/src/modules/training/{programmes,materials,enrolments}.schema.ts), and small hooks.
 */

export interface ProgrammeList {
  items: ProgrammeSummary[];
  total: number;
  page: number;
  pageSize: number;
  abilities: { create: boolean };
}

export interface ModuleList {
  items: TrainingModule[];
}

export type EnrolmentSource = "self" | "admin" | "import";

export interface Enrolment {
  id: string;
  status: EnrolmentStatus;
  source: EnrolmentSource;
  person: { id: string; nameAr: string; nameEn: string; email: string | null };
  organisation: TrainingOrg;
  hasAccount: boolean;
  createdAt: string;
  updatedAt: string;
  withdrawnAt: string | null;
  abilities: { withdraw: boolean };
}

export interface EnrolmentList {
  items: Enrolment[];
  total: number;
  page: number;
  pageSize: number;
  scope: "all" | "own";
  organisations: TrainingOrg[];
}

export type ImportRowStatus = "new" | "existing" | "already" | "error";
export type InvitationStatus = "send" | "has_account" | "pending" | "not_allowed";

export interface ImportRow {
  row: number;
  nameAr: string;
  nameEn: string;
  email: string;
  organisationCode: string;
  organisation: { id: string; code: string; nameAr: string; nameEn: string } | null;
  title: string;
  phone: string;
  status: ImportRowStatus;
  errors: Array<{ field: string; message: string }>;
  invitation: InvitationStatus | null;
}

export interface ImportResult {
  mode: "preview" | "commit";
  committed: boolean;
  columns: Record<"nameAr" | "nameEn" | "email" | "organisation" | "title" | "phone" | "language", string | null>;
  rows: ImportRow[];
  counts: { rows: number; newPeople: number; existingPeople: number; skipped: number; errors: number; enrolled: number; invited: number };
}

export const AUDIENCES: readonly TrainingAudience[] = ["organisers", "service_providers", "mission_officials"];

export const programmeApi = (id: string) => `/api/training/programmes/${encodeURIComponent(id)}`;

/** One programme as GET /api/training/programmes/:id answers it (null id: nothing is fetched). */
export function useProgramme(id: string | null) {
  return useApi<ProgrammeDetail>(id ? programmeApi(id) : null);
}

/** A programme's (or module's, or material's) title in the interface language, the other one when empty. */
export function useTrainingTitle() {
  const pick = usePickLocal();
  return useCallback((record: { titleAr: string | null; titleEn: string | null }) => pick(record.titleAr, record.titleEn), [pick]);
}
