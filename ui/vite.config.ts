import { svelte } from "@sveltejs/vite-plugin-svelte";
import { defineConfig, type Plugin } from "vitest/config";

/**
 * Fails the build on `{@html ...}` in a component: nothing from a source may
 * ever become markup in the app's document, and this is the one way Svelte
 * would let it.
 */
function noRawHtml(): Plugin {
  return {
    name: "commonplace-no-raw-html",
    enforce: "pre",
    transform(code, id) {
      if (id.endsWith(".svelte") && /\{@html\b/.test(code)) {
        this.error(`${id}: {@html} is not allowed: render text, never markup`);
      }
      return null;
    },
  };
}

// The app is served from Tauri's custom protocol under a strict CSP: no inline
// scripts or styles, so the build must not emit any (Svelte's component styles
// go to the CSS file; no transitions, which would add <style> at run time).
export default defineConfig({
  clearScreen: false,
  plugins: [noRawHtml(), svelte()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "safari15",
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    cssCodeSplit: false,
  },
  // Component tests run Svelte's browser build in jsdom.
  resolve: { conditions: ["browser"] },
  test: {
    environment: "jsdom",
    globals: true,
  },
});
