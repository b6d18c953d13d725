import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

/** The web app: index.html at the repository root, built into dist/web (served by the server). */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist/web",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    proxy: {
      "/api": "http://localhost:3000",
      "/verify": "http://localhost:3000",
    },
  },
  preview: { port: 4173 },
});
