import { defineConfig, type Options } from 'tsup';

/**
 * tsupConfig is the build every package shares: ESM and CJS bundles of `src/index.ts`
 * with their declaration files, targeting the Node versions in `engines`.
 */
export function tsupConfig(overrides: Options = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node22',
    platform: 'node',
    // Keep `node:` specifiers: `node:sqlite` has no unprefixed form.
    removeNodeProtocol: false,
    ...overrides,
  });
}
