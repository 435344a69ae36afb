import { defineConfig } from "vitest/config";

// The backend (Spring Boot) listens on 8080; in development Vite serves the UI and forwards the API.
const backend = "http://localhost:8080";

export default defineConfig({
  build: {
    // Maven packages target/classes into coordscope-frontend.jar, so the files land under static/
    // on the backend's classpath, where Spring Boot serves them.
    outDir: "target/classes/static",
    emptyOutDir: true,
    // sigma, graphology and ForceAtlas2 make one ~500 kB bundle (130 kB gzipped); splitting it buys nothing here
    chunkSizeWarningLimit: 700,
    // bench.html: the rendering benchmark (e2e/bench.mjs), also served by the app at /bench.html
    rolldownOptions: { input: { main: "index.html", bench: "bench.html" } },
  },
  server: {
    proxy: {
      "/api": backend,
      "/actuator": backend,
      // the sign-in page and sign-out are the server's (docs/security.md)
      "/login": backend,
      "/logout": backend,
    },
    watch: { ignored: ["**/target/**"] },
  },
  test: {
    include: ["src/**/*.spec.ts"],
    environment: "node",
  },
});
