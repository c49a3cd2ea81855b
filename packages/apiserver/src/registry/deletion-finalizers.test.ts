import { describe, expect, it } from 'vitest';
import { deletionFinalizers } from './deletion-finalizers.js';

describe('deletionFinalizers', () => {
  it.each([
    ['background by default', [], {}, [], false],
    ['Orphan', [], { propagationPolicy: 'Orphan' }, ['orphan'], true],
    ['Foreground', ['a.io/x'], { propagationPolicy: 'Foreground' }, ['a.io/x', 'foregroundDeletion'], true],
    [
      'Background removes orphan',
      ['orphan', 'a.io/x'],
      { propagationPolicy: 'Background' },
      ['a.io/x'],
      true,
    ],
    [
      'Foreground replaces orphan',
      ['orphan'],
      { propagationPolicy: 'Foreground' },
      ['foregroundDeletion'],
      true,
    ],
    ['orphanDependents=true', [], { orphanDependents: true }, ['orphan'], true],
    ['orphanDependents=false', ['foregroundDeletion'], { orphanDependents: false }, [], true],
    ['an existing orphan finalizer stays', ['orphan'], {}, ['orphan'], false],
    ['an existing foreground finalizer stays', ['foregroundDeletion'], {}, ['foregroundDeletion'], false],
    ['a repeated Orphan', ['orphan'], { propagationPolicy: 'Orphan' }, ['orphan'], false],
  ])('%s', (_what, current, opts, finalizers, changed) => {
    expect(deletionFinalizers(current, opts)).toEqual({ finalizers, changed });
  });
});
