#!/usr/bin/env node
// `npm run dev`: the API with reload (tsx watch, port 3000) and Vite's dev server
// (http://localhost:5173, proxying /api to 3000). Ctrl-C stops both.
import { spawn } from "node:child_process";

const children = [
  spawn("npx", ["tsx", "watch", "server/src/main.ts"], { stdio: "inherit", env: { ...process.env, WEB_DIR: "" } }),
  spawn("npx", ["vite"], { stdio: "inherit", env: process.env }),
];
const stop = () => {
  for (const child of children) child.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const child of children) child.on("exit", (code) => {
  if (code) {
    stop();
    process.exitCode = code;
  }
});
