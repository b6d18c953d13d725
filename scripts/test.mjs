#!/usr/bin/env node
// `npm test`: type-check, build, then every vitest project (unit + API integration
// on SQLite and PostgreSQL, web components, browser end-to-end), and one closing
// line "N passed, N failed, N skipped". A suite that cannot run here is skipped
// with a loud line; under CI=true such a skip is a failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ci = process.env.CI === "true";
const env = { ...process.env, RIFADA_FAST_HASH: "1", LOG_LEVEL: process.env.LOG_LEVEL || "silent" };
const passthrough = process.argv.slice(2);

function run(label, command, args, options = {}) {
  process.stdout.write(`\n▶ ${label}\n`);
  const result = spawnSync(command, args, { stdio: "inherit", env, ...options });
  return result.status ?? 1;
}

if (passthrough.length === 0) {
  if (run("type-check (tsc --noEmit)", "npx", ["tsc", "-p", "tsconfig.json", "--noEmit"]) !== 0) process.exit(1);
  if (run("build (server + web)", "npm", ["run", "build", "--silent"]) !== 0) process.exit(1);
}

const projects = ["unit", "web"];
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (fs.existsSync(chromium)) {
  projects.push("e2e");
} else if (ci) {
  console.error(`\n✖ Browser end-to-end tests cannot run: ${chromium} is missing (apt-get install chromium). CI=true forbids skipping.`);
  process.exit(1);
} else {
  console.warn(`\n!!! SKIPPING the browser end-to-end tests: ${chromium} is missing.\n!!! Enable them with: apt-get install chromium fonts-hosny-amiri fonts-noto-core\n`);
}

const report = path.join(os.tmpdir(), `rifada-vitest-${process.pid}.json`);
const args = ["vitest", "run", ...projects.map((p) => `--project=${p}`), "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...passthrough];
const status = run(`vitest (${projects.join(", ")})`, "npx", args);

let passed = 0, failed = 0, skipped = 0;
try {
  const summary = JSON.parse(fs.readFileSync(report, "utf8"));
  passed = summary.numPassedTests;
  failed = summary.numFailedTests;
  skipped = summary.numPendingTests + summary.numTodoTests;
  fs.rmSync(report, { force: true });
} catch {
  failed = Math.max(failed, 1);
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status === 0 && failed === 0 ? 0 : 1);
