/**
 * Shapes of the demo seed data. Pure data: the seeding code (elsewhere) turns
 * these into database rows, resolving codes and keys to ids.
 */
import type { OrganisationKind, Position, Role, Visibility, Locale } from "../../../../../common/roles.js";

/** A state, by ISO 3166-1 alpha-2 code, with its official full names and OIC status. */
export interface SeedCountry { code: string; nameAr: string; nameEn: string; oicStatus: "member" | "suspended" | "observer" | "none"; }

/** An organisation; `country` is an ISO code (SeedCountry.code) or null for none. */
export interface SeedOrganisation { code: string; kind: OrganisationKind; nameAr: string; nameEn: string; country: string | null; cityAr?: string; cityEn?: string; email?: string; phone?: string; website?: string; addressAr?: string; addressEn?: string; visibility: Visibility; }

/** A named group of organisations (e.g. the GCC Hajj-affairs offices). */
export interface SeedGroup { code: string; nameAr: string; nameEn: string; descriptionAr?: string; descriptionEn?: string; members: string[] /* organisation codes */; }

/** A (fictional) person working in an organisation; `key` is a stable seed-only identifier. */
export interface SeedPerson { key: string; organisation: string /* org code */; nameAr: string; nameEn: string; position: Position; titleAr: string; titleEn: string; email: string; phone?: string; preferredLanguage: Locale; visibility: Visibility; }

/** A demo login; all demo users share one password, set by the seeding code. */
export interface SeedUser { email: string; name: string; role: Role; organisation: string /* org code */; person?: string /* SeedPerson.key */; locale: Locale; }
