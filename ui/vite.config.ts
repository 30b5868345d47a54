import { defineConfig } from "vitest/config";

// The app is served from Tauri's custom protocol under a strict CSP: no inline
// scripts or styles, so the build must not emit any.
export default defineConfig({
  clearScreen: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "safari15",
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  test: {
    environment: "jsdom",
    globals: true,
  },
});
