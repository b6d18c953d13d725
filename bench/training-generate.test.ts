import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.RIFADA_FAST_HASH = "1";
});

import { isCorrect, type AnswerKey, type AnswerResponse, type QuestionKind } from "../common/training.js";
import { createDatabase, type Database } from "../server/src/db/database.js";
import { migrateToLatest } from "../server/src/db/migrate.js";
import { seedDemo } from "../server/src/db/seed/seed.js";
import { computeProgrammeFacts } from "../server/src/modules/training/completion.service.js";
import { awarenessGainForProgrammes } from "../server/src/modules/training/results.service.js";
import { loadProgramme } from "../server/src/modules/training/training-access.js";
import { readDirectory } from "./events-generate.js";
import { generateTraining, type TrainingData } from "./training-generate.js";

describe("bench training generator", () => {
  let database: Database;
  let data: TrainingData;

  beforeAll(async () => {
    database = createDatabase({ sqliteFile: ":memory:" });
    await migrateToLatest(database.db);
    await seedDemo(database.db);
    data = await generateTraining({ raw: database.sqlite! }, database.db, await readDirectory(database.db), { trainees: 400, chunk: 150, seed: 3 });
  });
  afterAll(async () => database?.close());

  it("writes what it counts, with foreign keys holding", () => {
    const raw = database.sqlite!;
    const count = (sql: string) => Number((raw.prepare(sql).get(data.programmeId) as { n: number }).n);
    expect(raw.prepare("pragma foreign_key_check").all()).toEqual([]);
    const c = data.counts;
    expect(c.trainees).toBe(400);
    expect(count("select count(*) n from training_enrolments where programme_id = ?")).toBe(400);
    expect(count("select count(*) n from training_attempts where programme_id = ? and kind = 'pre'")).toBe(c.preAttempts);
    expect(count("select count(*) n from training_attempts where programme_id = ? and kind = 'post'")).toBe(c.postAttempts);
    expect(count("select count(*) n from training_answers a join training_attempts t on t.id = a.attempt_id where t.programme_id = ?")).toBe(c.answers);
    expect(count("select count(*) n from training_survey_responses where programme_id = ?")).toBe(c.surveys);
    expect(count("select count(*) n from attendance a join training_programme_events pe on pe.event_id = a.event_id where pe.programme_id = ?")).toBe(c.attendance);
    // About ten answers per trainee (5 before, 6 after, most take both): a million at 100k.
    expect(c.answers / c.trainees).toBeGreaterThan(9.5);
    expect(c.answers / c.trainees).toBeLessThan(11);
    expect(c.organisations).toBeGreaterThan(10);
  });

  it("grades every answer as the app does, and each attempt's score is the sum of its points", () => {
    const raw = database.sqlite!;
    const answers = raw.prepare(`select a.attempt_id, a.response, a.correct, a.points, q.kind, q.answer_key, q.points max_points from training_answers a
      join training_questions q on q.id = a.question_id join training_attempts t on t.id = a.attempt_id where t.programme_id = ?`).all(data.programmeId) as Array<{ attempt_id: string; response: string; correct: number; points: number; kind: QuestionKind; answer_key: string; max_points: number }>;
    const sums = new Map<string, number>();
    for (const a of answers) {
      const right = isCorrect({ kind: a.kind, answerKey: JSON.parse(a.answer_key) as AnswerKey }, JSON.parse(a.response) as AnswerResponse);
      expect(a.correct).toBe(right ? 1 : 0);
      expect(a.points).toBe(right ? a.max_points : 0);
      sums.set(a.attempt_id, (sums.get(a.attempt_id) ?? 0) + a.points);
    }
    for (const t of raw.prepare("select id, score from training_attempts where programme_id = ?").all(data.programmeId) as Array<{ id: string; score: number }>) expect(t.score).toBe(sums.get(t.id) ?? 0);
  });

  it("tells a training story: post-test scores above pre-test ones, some complete and some not", async () => {
    const gain = await awarenessGainForProgrammes(database.db, [data.programmeId]);
    expect(gain.avgPre).not.toBeNull();
    expect(gain.avgGain!).toBeGreaterThan(15);
    const programme = (await loadProgramme(database.db, data.programmeId))!;
    const facts = await computeProgrammeFacts(database.db, programme);
    expect(facts.held).toHaveLength(4);
    const complete = facts.trainees.filter((t) => t.missing.length === 0).length;
    expect(complete).toBeGreaterThan(40);
    expect(complete).toBeLessThan(360);
    // The facts agree with the attempts: the average post score over those who took it.
    const posts = facts.trainees.map((t) => t.postPct).filter((p): p is number => p !== null);
    expect(Math.round((posts.reduce((a, b) => a + b, 0) / posts.length) * 10) / 10).toBe(gain.avgPost);
  });
});
