// Svelte 5 with TypeScript in components (through Vite's own esbuild).
import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";

export default {
  preprocess: vitePreprocess(),
  compilerOptions: {
    // Styles go to the CSS file, never into a <style> element at run time:
    // the CSP allows no inline styles.
    css: "external",
  },
};
