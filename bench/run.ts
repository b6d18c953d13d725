/**
 * Rifada benchmark: `npm run bench` (or `npm run bench -- --quick`). See bench/README.md.
 *
 * Four parts, one after the other (`--only=` picks one):
 * - directory (bench/directory.ts): people and organisations at each scale, app vs a bare baseline;
 * - events (bench/events.ts, bench/burst.ts): the event list and page at each event scale, and a
 *   registration burst against open workshops, checked afterwards (exit code 1 when a check fails);
 * - library (bench/library.ts): the library search — indexing rate, index size on disk, and
 *   GET /api/search per query class at each library scale;
 * - followup (bench/followup.ts): the accountability view, its CSV and XLSX exports and a timeline page
 *   over 10k and 100k generated recommendations (about ten timeline entries each), as a coordinator and
 *   as a mission's admin;
 * - training (bench/training.ts): a programme's results over 10k and 100k generated trainees (a million
 *   answers at 100k) and its exports; certificate PDFs rendered per second, with memory, and a ZIP.
 * SQLite always; the events, library, followup and training parts also on PostgreSQL when BENCH_DATABASE_URL is set.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { burstReport, runBurst, type BurstResult } from "./burst.js";
import { directoryReport, MEMBER, ORG_QUERY, PEOPLE_QUERY, runDirectoryScale, type ScaleResult } from "./directory.js";
import { EVENT_QUERY, EVENT_SEASON, eventsReport, runEventScale, type EventScaleResult } from "./events.js";
import { FOLLOWUP_COORDINATOR, FOLLOWUP_ORG_ADMIN, FOLLOWUP_SEASON, followupReport, runFollowupScale, type FollowupScaleResult } from "./followup.js";
import { argValue, HERE, killAll, label, log, parseScale, positive, seconds } from "./harness.js";
import { LIBRARY_QUERIES, LIBRARY_USER, libraryReport, runLibraryScale, type LibraryScaleResult } from "./library.js";
import { runCertificates, runTrainingScale, TRAINING_COORDINATOR, TRAINING_ORG_ADMIN, trainingReport, type CertificateResult, type TrainingScaleResult } from "./training.js";

// ---------------------------------------------------------------- options

const quick = process.argv.includes("--quick");
const only = argValue("only") ?? process.env.BENCH_ONLY ?? "";
if (!["", "directory", "events", "library", "followup", "training"].includes(only)) throw new Error(`--only must be "directory", "events", "library", "followup" or "training", got "${only}"`);
const databaseUrl = process.env.BENCH_DATABASE_URL || null;
if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error("BENCH_DATABASE_URL must be a postgres:// URL");
const count = (name: string, env: string, fallback: number) => Math.round(positive(argValue(name) ?? process.env[env], fallback, env));
const options = {
  quick,
  only: only || "all",
  duration: positive(argValue("duration") ?? process.env.BENCH_DURATION, quick ? 3 : 10, "BENCH_DURATION"),
  connections: count("connections", "BENCH_CONNECTIONS", 20),
  warmup: Number(argValue("warmup") ?? process.env.BENCH_WARMUP ?? 1),
  scales: (argValue("scales") ?? process.env.BENCH_SCALES ?? (quick ? "1k,10k" : "1k,10k,100k")).split(",").map(parseScale),
  eventScales: (argValue("event-scales") ?? process.env.BENCH_EVENT_SCALES ?? (quick ? "1k,10k" : "1k,10k,100k")).split(",").map(parseScale),
  libraryScales: (argValue("library-scales") ?? process.env.BENCH_LIBRARY_SCALES ?? (quick ? "1k,10k" : "10k,100k")).split(",").map(parseScale),
  followupScales: (argValue("followup-scales") ?? process.env.BENCH_FOLLOWUP_SCALES ?? (quick ? "1k,10k" : "10k,100k")).split(",").map(parseScale),
  followupExportConnections: count("followup-export-connections", "BENCH_FOLLOWUP_EXPORT_CONNECTIONS", 2),
  followupExportRequests: count("followup-export-requests", "BENCH_FOLLOWUP_EXPORT_REQUESTS", quick ? 1 : 3),
  trainingScales: (argValue("training-scales") ?? process.env.BENCH_TRAINING_SCALES ?? (quick ? "1k,10k" : "10k,100k")).split(",").map(parseScale),
  trainingExportRequests: count("training-export-requests", "BENCH_TRAINING_EXPORT_REQUESTS", quick ? 1 : 3),
  certificateTrainees: count("certificate-trainees", "BENCH_CERTIFICATE_TRAINEES", quick ? 300 : 1000),
  certificatePdfs: count("certificate-pdfs", "BENCH_CERTIFICATE_PDFS", quick ? 10 : 40),
  certificateConcurrency: count("certificate-concurrency", "BENCH_CERTIFICATE_CONCURRENCY", 4),
  burstUsers: count("burst-users", "BENCH_BURST_USERS", quick ? 2000 : 20_000),
  burstSeats: count("burst-seats", "BENCH_BURST_SEATS", quick ? 500 : 5000),
  burstWorkshops: count("burst-workshops", "BENCH_BURST_WORKSHOPS", 10),
  burstConnections: count("burst-connections", "BENCH_BURST_CONNECTIONS", 100),
  postgres: databaseUrl !== null,
  keep: process.env.BENCH_KEEP === "1",
};
if (!Number.isFinite(options.warmup) || options.warmup < 0) throw new Error("BENCH_WARMUP must be a number of seconds ≥ 0");
if (options.burstSeats < options.burstWorkshops) throw new Error("--burst-seats must be at least --burst-workshops (one seat per workshop)");

// ---------------------------------------------------------------- temp dir and cleanup

/** The temp directory with the databases (removed at exit unless BENCH_KEEP=1). */
let tempDir: string | null = null;

function removeTempDir() {
  if (tempDir && !options.keep) fs.rmSync(tempDir, { recursive: true, force: true });
  tempDir = null;
}

process.on("exit", () => {
  killAll();
  removeTempDir();
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`\n${signal}: stopping the servers`);
    killAll();
    process.exit(130);
  });
}

// ---------------------------------------------------------------- main

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rifada-bench-"));
  tempDir = dir;
  const startedAt = new Date();
  const meta = {
    startedAt: startedAt.toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model?.trim() ?? "",
    memoryBytes: os.totalmem(),
  };
  const dialects = options.postgres ? (["sqlite", "postgres"] as const) : (["sqlite"] as const);
  const load = { duration: options.duration, connections: options.connections, warmup: options.warmup };
  const burst = { users: options.burstUsers, seats: options.burstSeats, workshops: options.burstWorkshops, connections: options.burstConnections, warmup: options.warmup };
  log(`Rifada benchmark (${options.only}): ${options.duration} s × ${options.connections} connections per endpoint; data in ${dir}`);
  const runs = (part: "directory" | "events" | "library" | "followup" | "training") => options.only === "all" || options.only === part;
  if (runs("directory")) log(`directory scales ${options.scales.map(label).join(", ")}`);
  if (runs("library")) log(`library scales ${options.libraryScales.map(label).join(", ")}; ${dialects.join(" and ")}`);
  if (runs("followup")) log(`follow-up scales ${options.followupScales.map(label).join(", ")} recommendations; ${dialects.join(" and ")}`);
  if (runs("training")) log(`training scales ${options.trainingScales.map(label).join(", ")} trainees; ${dialects.join(" and ")}; certificates: ${options.certificatePdfs} PDFs × 2 of ${options.certificateTrainees} trainees`);
  if (runs("events")) log(`event scales ${options.eventScales.map(label).join(", ")}; burst ${options.burstUsers} users → ${options.burstWorkshops} workshops, ${options.burstSeats} seats, ${options.burstConnections} concurrent; ${dialects.join(" and ")}`);

  const directory: ScaleResult[] = [];
  const events: EventScaleResult[] = [];
  const bursts: BurstResult[] = [];
  const library: LibraryScaleResult[] = [];
  const followup: FollowupScaleResult[] = [];
  const followupLoad = { ...load, exportConnections: options.followupExportConnections, exportRequests: options.followupExportRequests };
  const training: TrainingScaleResult[] = [];
  let certificates: CertificateResult | null = null;
  const trainingLoad = { ...load, exportRequests: options.trainingExportRequests };
  const timings: Record<string, number> = {};
  const timed = async (name: string, run: () => Promise<void>) => {
    const t = performance.now();
    await run();
    timings[name] = performance.now() - t;
  };
  try {
    if (runs("directory")) {
      await timed("directory", async () => {
        for (const scale of options.scales) directory.push(await runDirectoryScale(dir, scale, load));
      });
    }
    if (runs("events")) {
      for (const dialect of dialects) {
        await timed(`event list (${dialect})`, async () => {
          for (const scale of options.eventScales) events.push(await runEventScale(dialect, dir, databaseUrl, scale, load));
        });
        await timed(`burst (${dialect})`, async () => {
          bursts.push(await runBurst(dialect, dir, databaseUrl, burst));
        });
      }
    }
    if (runs("library")) {
      for (const dialect of dialects) {
        await timed(`library (${dialect})`, async () => {
          for (const scale of options.libraryScales) library.push(await runLibraryScale(dialect, dir, databaseUrl, scale, load));
        });
      }
    }
    if (runs("followup")) {
      for (const dialect of dialects) {
        await timed(`follow-up (${dialect})`, async () => {
          for (const scale of options.followupScales) followup.push(await runFollowupScale(dialect, dir, databaseUrl, scale, followupLoad));
        });
      }
    }
    if (runs("training")) {
      for (const dialect of dialects) {
        await timed(`training (${dialect})`, async () => {
          for (const scale of options.trainingScales) training.push(await runTrainingScale(dialect, dir, databaseUrl, scale, trainingLoad));
        });
      }
      await timed("certificates", async () => {
        certificates = await runCertificates(dir, options.certificateTrainees, options.certificatePdfs, options.certificateConcurrency);
      });
    }
  } finally {
    killAll();
    if (options.keep) log(`\nDatabases kept in ${dir}`);
    removeTempDir();
  }

  const out: string[] = [];
  out.push(`Rifada benchmark — ${meta.cpus} CPU(s) ${meta.cpuModel}, Node ${meta.node}; ${options.connections} connections, ${options.duration} s per endpoint (+${options.warmup} s warm-up)${runs("directory") || runs("events") ? `; caller ${MEMBER}` : ""}`);
  if (directory.length > 0) out.push("", directoryReport(directory));
  if (events.length > 0) out.push("", eventsReport(events));
  if (bursts.length > 0) out.push("", burstReport(bursts));
  if (library.length > 0) out.push("", libraryReport(library));
  if (followup.length > 0) out.push("", followupReport(followup, followupLoad));
  if (training.length > 0 || certificates) out.push("", trainingReport(training, certificates, trainingLoad));
  const warnings = events.flatMap((r) => r.warnings);
  if (warnings.length > 0) out.push("", "Warnings (events):", ...warnings.map((w) => `  ! ${w}`));
  out.push("", `Time: ${Object.entries(timings).map(([k, v]) => `${k} ${seconds(v)}`).join(", ")}`);
  process.stdout.write(`\n${out.join("\n")}\n`);

  const resultsDir = path.join(HERE, "results");
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, `${JSON.stringify({
    ...meta, finishedAt: new Date().toISOString(), options, caller: MEMBER, timings,
    queries: { people: PEOPLE_QUERY, organisations: ORG_QUERY, events: EVENT_QUERY, season: EVENT_SEASON, library: LIBRARY_QUERIES },
    libraryCaller: LIBRARY_USER,
    followupCallers: { coordinator: FOLLOWUP_COORDINATOR, orgAdmin: FOLLOWUP_ORG_ADMIN, season: FOLLOWUP_SEASON },
    trainingCallers: { coordinator: TRAINING_COORDINATOR, orgAdmin: TRAINING_ORG_ADMIN },
    scales: directory, events, bursts, library, followup, training, certificates,
  }, null, 2)}\n`);
  process.stdout.write(`\nResults: ${path.relative(process.cwd(), file)}\n`);

  const failed = bursts.flatMap((b) => b.checks.filter((c) => !c.ok).map((c) => `${b.dialect}: ${c.name}`));
  if (failed.length > 0) {
    process.stderr.write(`\nFAIL: ${failed.join("; ")}\n`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  killAll();
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
