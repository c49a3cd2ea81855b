import { describe, expect, it } from 'vitest';
import { LabelSelectorSchema } from './label-selector.js';

describe('LabelSelectorSchema', () => {
  it('round-trips matchLabels and matchExpressions', () => {
    const selector = {
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['frontend', 'edge'] },
        { key: 'canary', operator: 'DoesNotExist' },
      ],
    };
    expect(LabelSelectorSchema.parse(structuredClone(selector))).toStrictEqual(selector);
    expect(LabelSelectorSchema.parse({})).toStrictEqual({});
  });

  it('rejects an operator Kubernetes does not accept', () => {
    const result = LabelSelectorSchema.safeParse({
      matchExpressions: [{ key: 'tier', operator: 'Gt', values: ['1'] }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['matchExpressions', 0, 'operator']);
  });
});
