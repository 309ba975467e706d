// ESLint for the extension's TypeScript (src/, test/): ESLint's and typescript-eslint's recommended
// rules, with type information, so that a forgotten await or an unhandled promise is caught.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
    { ignores: ['out/**', 'dist/**', 'node_modules/**', 'e2e/**', 'scripts/**', 'eslint.config.mjs'] },
    {
        files: ['**/*.ts'],
        extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    },
);
