import { readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// One vitest project per package and example, each running its own `src/**/*.test.ts`
// against sources (the `@capstan/source` export condition), so nothing needs a build first.
const conditions = ['@capstan/source', 'node', 'import', 'module', 'default'];
const roots = ['packages', 'examples'].flatMap((dir) => {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `${dir}/${d.name}`);
  } catch {
    return [];
  }
});

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    projects: roots.map((root) => ({
      extends: true,
      test: { name: root.split('/')[1] ?? root, root, include: ['src/**/*.test.ts'] },
    })),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
