import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import type { DB } from "./db/schema.js";
import type { Dialect } from "./db/database.js";

/** What services need from the outside world; built once per app. */
export interface Deps {
  db: Kysely<DB>;
  dialect: Dialect;
  config: Config;
  log: Logger;
}
