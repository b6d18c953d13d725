import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

/**
 * Three projects, run by `npm test` (scripts/test.mjs):
 * - unit: common/ and server/ *.test.ts (service and route tests use real databases);
 * - web: React components in jsdom;
 * - e2e: Playwright driving Debian's Chromium against a built server.
 */
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["common/**/*.test.ts", "server/**/*.test.ts", "bench/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "web",
          environment: "jsdom",
          include: ["web/**/*.test.{ts,tsx}"],
          setupFiles: ["web/src/test-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          environment: "node",
          include: ["e2e/**/*.spec.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
