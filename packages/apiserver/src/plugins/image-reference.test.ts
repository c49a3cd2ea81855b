import { describe, expect, it } from 'vitest';
import { imageTag } from './image-reference.js';

describe('imageTag', () => {
  const digest = `sha256:${'a'.repeat(64)}`;
  const cases: [string, string][] = [
    ['nginx', 'latest'],
    ['nginx:latest', 'latest'],
    ['nginx:1.27', '1.27'],
    ['library/nginx:1.27-alpine', '1.27-alpine'],
    ['docker.io/library/nginx', 'latest'],
    ['registry.example.com:5000/team/app:v2', 'v2'],
    ['localhost:5000/app', 'latest'],
    ['localhost/app:dev', 'dev'],
    ['app:5000', '5000'],
    [`nginx@${digest}`, ''],
    [`nginx:1.27@${digest}`, '1.27'],
    ['Nginx', ''],
    ['Registry.Example.com/app:v1', 'v1'],
    ['', ''],
    ['nginx:', ''],
    ['nginx@sha256:short', ''],
    [' nginx', ''],
    ['a//b', ''],
    ['app:tag with space', ''],
    [`app:${'t'.repeat(129)}`, ''],
    [`${'a'.repeat(256)}`, ''],
  ];

  it.each(cases)('%j has tag %j', (image, tag) => {
    expect(imageTag(image)).toBe(tag);
  });

  it('stays linear on long hostile references', () => {
    const started = performance.now();
    for (const image of [
      `${'a-'.repeat(50_000)}!`,
      `${'a.'.repeat(50_000)}/x`,
      `x@${'a'.repeat(100_000)}!`,
    ]) {
      expect(imageTag(image)).toBe('');
    }
    expect(performance.now() - started).toBeLessThan(500);
  });
});
