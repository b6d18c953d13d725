import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from "kysely";
import { optimizeStatistics } from "./database.js";
import * as foundation from "./migrations/2026-11-23T1800-foundation.js";
import * as events from "./migrations/2026-11-24T0900-events.js";
import * as outboxRetry from "./migrations/2026-11-24T1000-outbox-retry.js";
import * as attendanceMinutes from "./migrations/2026-11-25T0900-attendance-minutes.js";
import * as eventsListIndexes from "./migrations/2026-11-25T1000-events-list-indexes.js";
import * as librarySearch from "./migrations/2026-11-26T0900-library-search.js";
import * as followup from "./migrations/2026-11-27T0900-followup.js";
import * as training from "./migrations/2026-11-28T0900-training.js";
import * as trainingReportIndexes from "./migrations/2026-11-29T0900-training-report-indexes.js";
import * as followupScopeIndex from "./migrations/2026-11-29T1000-followup-scope-index.js";

/** Migrations in order; a static list so the same code runs from TypeScript and from dist/. */
const MIGRATIONS: Record<string, Migration> = {
  "2026-11-23T1800-foundation": foundation,
  "2026-11-24T0900-events": events,
  "2026-11-24T1000-outbox-retry": outboxRetry,
  "2026-11-25T0900-attendance-minutes": attendanceMinutes,
  "2026-11-25T1000-events-list-indexes": eventsListIndexes,
  "2026-11-26T0900-library-search": librarySearch,
  "2026-11-27T0900-followup": followup,
  "2026-11-28T0900-training": training,
  "2026-11-29T0900-training-report-indexes": trainingReportIndexes,
  "2026-11-29T1000-followup-scope-index": followupScopeIndex,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

function migrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: new StaticProvider() });
}

function check(result: MigrationResultSet): string[] {
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return (result.results ?? []).map((r) => `${r.direction} ${r.migrationName}: ${r.status}`);
}

/** Apply every pending migration; returns one line per migration run. On SQLite, statistics of new indexes follow. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const lines = check(await migrator(db).migrateToLatest());
  if (lines.length > 0) optimizeStatistics(db);
  return lines;
}

/** Undo every migration (tests check up → down → up). */
export async function migrateDownAll(db: Kysely<any>): Promise<string[]> {
  const lines: string[] = [];
  for (;;) {
    const result = await migrator(db).migrateDown();
    const step = check(result);
    if (step.length === 0) return lines;
    lines.push(...step);
  }
}
