import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { servedDocument } from './served-document.js';

describe('servedDocument', () => {
  it('serialises once, hashes the JSON with SHA-512 and freezes the body deeply', () => {
    const doc = servedDocument({ a: [1, { b: 'c' }] });
    expect(doc.json).toBe('{"a":[1,{"b":"c"}]}');
    expect(doc.hash).toBe(createHash('sha512').update(doc.json).digest('hex').toUpperCase());
    expect(doc.etag).toBe(`"${doc.hash}"`);
    expect(Object.isFrozen(doc.body.a[1])).toBe(true);
    expect(servedDocument({ a: [1, { b: 'c' }] }).hash).toBe(doc.hash);
    expect(servedDocument({ a: [1, { b: 'd' }] }).hash).not.toBe(doc.hash);
  });
});
