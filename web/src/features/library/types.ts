import type { LibraryCategory, LibraryKind, LibraryLanguage } from "../../../../common/library.js";
import type { GroupRef } from "../../api/types.js";

/** Shapes of the "Library of practices" API (docs/api.md). */

/** Who may read an entry: its organisation, one of its groups, every member organisation, or anyone. */
export const LIBRARY_SCOPES = ["private", "group", "members", "public"] as const;
export type LibraryScope = (typeof LIBRARY_SCOPES)[number];

export interface LibraryOrganisation {
  id: string;
  code: string;
  nameAr: string;
  nameEn: string;
  /** ISO 3166-1 code, e.g. "KW". */
  country: string | null;
}

export interface LibrarySeason {
  id: string;
  code: string;
  nameAr: string;
  nameEn: string;
}

export interface EntrySummary {
  id: string;
  kind: LibraryKind;
  /** The entry's primary language. */
  language: LibraryLanguage;
  /** In the caller's language when the entry has it. */
  title: string;
  titleAr: string | null;
  titleEn: string | null;
  excerpt: string;
  category: LibraryCategory;
  tags: string[];
  organisation: LibraryOrganisation;
  season: LibrarySeason | null;
  scope: LibraryScope;
  group: GroupRef | null;
  usefulCount: number;
  commentCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface LibraryAttachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
  uploadedBy: string | null;
}

export interface PersonName {
  id: string;
  name: string;
}

export interface Entry extends EntrySummary {
  /** Sanitised HTML (or null when the entry is not written in that language). */
  bodyAr: string | null;
  bodyEn: string | null;
  event: { id: string; titleAr: string; titleEn: string; startsAt: string } | null;
  author: PersonName | null;
  updatedBy: PersonName | null;
  markedUseful: boolean;
  attachments: LibraryAttachment[];
  abilities: { update: boolean; comment: boolean };
}

export interface EntryList {
  items: EntrySummary[];
  total: number;
  page: number;
  pageSize: number;
}

export type CommentKind = "comment" | "question";

export interface EntryComment {
  id: string;
  parentId: string | null;
  kind: CommentKind;
  /** Empty when `deleted`. */
  body: string;
  author: PersonName | null;
  organisation: { id: string; nameAr: string; nameEn: string; country: string | null };
  createdAt: string;
  deleted: boolean;
  abilities: { delete: boolean };
}

export interface EntryVersionSummary {
  version: number;
  editedAt: string;
  editedBy: PersonName | string | null;
  titleAr: string | null;
  titleEn: string | null;
}

export interface EntryVersion {
  version: number;
  editedAt?: string;
  editedBy?: PersonName | string | null;
  titleAr: string | null;
  titleEn: string | null;
  bodyAr: string | null;
  bodyEn: string | null;
  kind: LibraryKind;
  category: LibraryCategory;
  tags: string[];
}

export interface UsefulAnswer {
  usefulCount: number;
  markedUseful: boolean;
}
