/**
 * Admin command line: `npm run cli -- <command> [options]`.
 * Exit codes: 0 done, 1 failed, 2 bad arguments.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { ROLES, type Role } from "../../common/roles.js";
import { loadConfig } from "./config.js";
import { createDatabase, type Database } from "./db/database.js";
import { migrateDownAll, migrateToLatest } from "./db/migrate.js";
import { seedDemo } from "./db/seed/seed.js";
import { AppError } from "./lib/errors.js";
import { translate } from "./lib/i18n.js";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./lib/passwords.js";
import { newId, newSecret, nowIso } from "./lib/tokens.js";
import { backupSqlite } from "./db/backup.js";
import { rebuildSearchIndex } from "./modules/search/search.indexer.js";
import { createAuthService, emailKey } from "./modules/auth/auth.service.js";
import { createAdminService } from "./modules/admin/admin.service.js";
import { insertAudit } from "./modules/admin/audit.repository.js";
import type { Actor } from "./policies/index.js";
import pino from "pino";

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  migrate                                   apply pending database migrations
  migrate-down                              undo every migration (empties the database)
  seed                                      load the demo data (only once; never overwrites)
  create-user --email E --name N --role R --org CODE [--password P]
                                            create an account (prints a password if none given)
  api-token --email E [--name NAME]         print a new personal API token for that user
  reset-password --email E                  print a single-use password-reset link (24 h)
  backup --to FILE                          copy the SQLite database safely while it runs
  reindex                                   rebuild the search index from the records

Roles: ${ROLES.join(", ")}
Environment: DATA_DIR (default ./data), DATABASE_URL (postgres://… to use PostgreSQL).`;

class UsageError extends Error {}

function need(values: Record<string, string | boolean | undefined>, ...names: string[]): Record<string, string> {
  const missing = names.filter((n) => typeof values[n] !== "string" || values[n] === "");
  if (missing.length) throw new UsageError(`missing ${missing.map((m) => `--${m}`).join(", ")}`);
  return values as Record<string, string>;
}

async function findUser(database: Database, email: string) {
  const user = await database.db.selectFrom("users").selectAll().where("email", "=", emailKey(email)).executeTakeFirst();
  if (!user) throw new Error(`no user with email ${email}`);
  return user;
}

function actorOf(user: { id: string; email: string; name: string; role: string; organisationId: string; personId: string | null; locale: string; digits: string }): Actor {
  return { userId: user.id, email: user.email, name: user.name, role: user.role as Role, organisationId: user.organisationId, personId: user.personId, locale: user.locale as "ar", digits: user.digits as "arab", via: "token", sessionId: null, csrfToken: null };
}

export async function runCli(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    out(USAGE);
    return command ? 0 : 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: {
        email: { type: "string" },
        name: { type: "string" },
        role: { type: "string" },
        org: { type: "string" },
        password: { type: "string" },
        to: { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (err) {
    console.error(`error: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const database = createDatabase({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, "rifada.sqlite") });
  const deps = { db: database.db, dialect: database.dialect, config, log: pino({ level: "silent" }) };
  try {
    const v = parsed.values;
    switch (command) {
      case "migrate":
        for (const line of await migrateToLatest(database.db)) out(line);
        out("database is up to date");
        return 0;
      case "migrate-down":
        for (const line of await migrateDownAll(database.db)) out(line);
        return 0;
      case "seed": {
        await migrateToLatest(database.db);
        const result = await seedDemo(database.db);
        out(result.seeded ? "demo data loaded" : "demo data was already loaded; nothing changed");
        return 0;
      }
      case "create-user": {
        const a = need(v, "email", "name", "role", "org");
        if (!(ROLES as readonly string[]).includes(a.role)) throw new UsageError(`--role must be one of ${ROLES.join(", ")}`);
        if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(a.email)) throw new UsageError("--email is not a valid email address");
        if (a.password !== undefined && a.password.length < MIN_PASSWORD_LENGTH) throw new UsageError(`--password must be at least ${MIN_PASSWORD_LENGTH} characters`);
        const org = await database.db.selectFrom("organisations").select(["id", "code"]).where("code", "=", a.org).executeTakeFirst();
        if (!org) throw new UsageError(`no organisation with code ${a.org}`);
        const email = emailKey(a.email);
        if (await database.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst()) throw new Error(`a user with email ${email} already exists`);
        const password = a.password ?? newSecret().slice(0, 16);
        const now = nowIso();
        const id = newId();
        await database.db.transaction().execute(async (tx) => {
          await tx.insertInto("users").values({ id, email, name: a.name, passwordHash: await hashPassword(password), role: a.role, organisationId: org.id, personId: null, locale: "ar", digits: "arab", disabledAt: null, passwordChangedAt: now, createdAt: now, updatedAt: now }).execute();
          await insertAudit(tx, { actorId: null, organisationId: org.id, action: "user.created", entityType: "user", entityId: id, summary: `${email} (${a.role})`, changes: { via: "cli" } }, now);
        });
        out(`created ${email} (${a.role}, ${org.code})`);
        if (!a.password) out(`password: ${password}`);
        return 0;
      }
      case "api-token": {
        const a = need(v, "email");
        const user = await findUser(database, a.email);
        if (user.disabledAt) throw new Error(`${user.email} is disabled`);
        const created = await createAuthService(deps).createToken(actorOf(user), { name: a.name ?? "cli" });
        out(created.token);
        return 0;
      }
      case "reset-password": {
        const a = need(v, "email");
        const user = await findUser(database, a.email);
        const reset = await createAdminService(deps).createPasswordReset(null, user.id);
        out(`reset link (single use, until ${reset.expiresAt}): ${reset.link}`);
        return 0;
      }
      case "backup": {
        const a = need(v, "to");
        if (database.dialect !== "sqlite") throw new Error("backup copies the embedded SQLite database; for PostgreSQL use pg_dump");
        const pages = await backupSqlite(database.sqlite!, path.resolve(a.to));
        out(`backed up ${pages} pages to ${path.resolve(a.to)}`);
        return 0;
      }
      case "reindex": {
        const started = Date.now();
        const count = await rebuildSearchIndex(database.db);
        out(`indexed ${count} records in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return 0;
      }
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`error: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    const message = err instanceof AppError ? translate("en", `errors.${err.code}`) : (err as Error).message;
    console.error(`error: ${message}`);
    return 1;
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("cli.ts") || process.argv[1]?.endsWith("cli.js")) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
