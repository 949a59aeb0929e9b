import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      "node_modules",
      "web/dist",
      "vm-image/.build",
      "vm-image/dist",
      "test-results",
      "playwright-report",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // One module owns the emulator: the machine core, driven by the browser worker and the Node harness.
    ignores: ["web/src/vm/machine.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "v86",
              message: "Use vmHost (browser) or NodeGuest (Node); only web/src/vm/machine.ts touches v86.",
            },
          ],
        },
      ],
    },
  },
  {
    // The service worker template: __FILES__ and __LAZY__ are replaced with lists of built files.
    files: ["web/vite/sw-template.js"],
    languageOptions: { globals: { ...globals.serviceworker, __FILES__: "readonly", __LAZY__: "readonly" } },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);
