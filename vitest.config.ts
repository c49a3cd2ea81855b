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

// node:sqlite needs a flag before Node 22.13; newer versions have it built in.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const execArgv = major === 22 && minor < 13 ? ['--experimental-sqlite'] : [];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    projects: roots.map((root) => ({
      extends: true,
      test: { name: root.split('/')[1] ?? root, root, include: ['src/**/*.test.ts'] },
    })),
    execArgv,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
