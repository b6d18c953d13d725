import pino from "pino";
import path from "node:path";
import { buildApp } from "./app.js";
import { loadConfig } from "./config.js";
import { createDatabase } from "./db/database.js";
import { migrateToLatest } from "./db/migrate.js";
import { seedDemo } from "./db/seed/seed.js";
import { startReminders } from "./modules/events/reminders.service.js";
import { startActionReminders } from "./modules/followup/actions-reminders.service.js";
import { startMailSender } from "./modules/mail/mail.service.js";

const config = loadConfig();
const log = pino({ level: config.logLevel });
const database = createDatabase({
  databaseUrl: config.databaseUrl,
  sqliteFile: path.join(config.dataDir, "rifada.sqlite"),
  onIdleError: (err) => log.warn({ err }, "idle PostgreSQL connection lost"),
});

for (const line of await migrateToLatest(database.db)) log.info(line);
const demo = process.env.SEED_DEMO === "false" ? null : await seedDemo(database.db);

const app = await buildApp({ config, database, logger: log });
await app.listen({ port: config.port, host: config.host });

const stopReminders = startReminders({ db: database.db, dialect: database.dialect, config, log });
const stopActionReminders = startActionReminders({ db: database.db, dialect: database.dialect, config, log });
const stopMailSender = config.smtpUrl ? startMailSender({ db: database.db, log }, config) : null;
if (!stopMailSender) log.info("SMTP_URL is not set: mail stays in the outbox (admin → Outbox) and is not sent");

const where = database.dialect === "sqlite" ? path.join(config.dataDir, "rifada.sqlite") : "PostgreSQL";
const lines = [
  "",
  `  Rifada is running at http://localhost:${config.port}  (database: ${where})`,
];
if (demo) {
  lines.push(demo.seeded ? "  Demo data loaded. Demo logins:" : "  Demo logins:");
  for (const l of demo.logins) lines.push(`    ${l.email.padEnd(42)} ${l.role.padEnd(12)} ${l.organisation}`);
  lines.push(`  Password for all demo logins: ${demo.password}`, "");
}
process.stdout.write(lines.join("\n") + "\n");

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void Promise.all([stopReminders(), stopActionReminders(), stopMailSender?.()])
      .then(() => app.close())
      .then(() => database.close())
      .finally(() => process.exit(0));
  });
}
