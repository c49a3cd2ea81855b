import { ApiError, type FieldError, fieldErrors } from '@capstan/core';
import type { ResourceDeleteOptions, ResourceListOptions, ResourceWatchOptions } from './storage-options.js';

const META_GROUP = 'meta.k8s.io';

/**
 * validateListOptions refuses the option combinations Kubernetes refuses for a list
 * (`ValidateListOptions`): 422 Invalid `ListOptions.meta.k8s.io ""` when resourceVersionMatch is
 * set without resourceVersion, with continue, to an unknown value, or to `Exact` with
 * resourceVersion `"0"`, and when sendInitialEvents is set; 400 when continue comes with a
 * resourceVersion other than `"0"`.
 */
export function validateListOptions(opts: ResourceListOptions): void {
  const errs: FieldError[] = [];
  const match = opts.resourceVersionMatch ?? '';
  const rv = opts.resourceVersion ?? '';
  if (match !== '') {
    if (rv === '') {
      errs.push(
        fieldErrors.forbidden(
          'resourceVersionMatch',
          'resourceVersionMatch is forbidden unless resourceVersion is provided',
        ),
      );
    }
    if ((opts.continue ?? '') !== '') {
      errs.push(
        fieldErrors.forbidden(
          'resourceVersionMatch',
          'resourceVersionMatch is forbidden when continue is provided',
        ),
      );
    }
    if (match !== 'Exact' && match !== 'NotOlderThan') {
      errs.push(fieldErrors.notSupported('resourceVersionMatch', match, ['Exact', 'NotOlderThan', '']));
    }
    if (match === 'Exact' && rv === '0') {
      errs.push(
        fieldErrors.forbidden(
          'resourceVersionMatch',
          'resourceVersionMatch "exact" is forbidden for resourceVersion "0"',
        ),
      );
    }
  }
  if (opts.sendInitialEvents !== undefined) {
    errs.push(fieldErrors.forbidden('sendInitialEvents', 'sendInitialEvents is forbidden for list'));
  }
  if (errs.length > 0) throw ApiError.invalid({ group: META_GROUP, kind: 'ListOptions' }, '', errs);
  if ((opts.continue ?? '') !== '' && rv !== '' && rv !== '0') {
    throw ApiError.badRequest('specifying resource version is not allowed when using continue');
  }
}

/**
 * validateWatchOptions refuses the option combinations Kubernetes refuses for a watch
 * (`validateWatchOptions`), as 422 Invalid `ListOptions.meta.k8s.io ""`: sendInitialEvents
 * without `resourceVersionMatch=NotOlderThan`, and resourceVersionMatch without
 * sendInitialEvents or with another value. As in Kubernetes, `sendInitialEvents=true` without
 * `allowWatchBookmarks` is allowed; the initial events are then not followed by a bookmark.
 */
export function validateWatchOptions(opts: ResourceWatchOptions): void {
  const errs: FieldError[] = [];
  const match = opts.resourceVersionMatch ?? '';
  if (opts.sendInitialEvents !== undefined && match !== 'NotOlderThan') {
    errs.push(
      fieldErrors.forbidden(
        'resourceVersionMatch',
        'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan',
      ),
    );
  }
  if (match !== '') {
    if (opts.sendInitialEvents === undefined) {
      errs.push(
        fieldErrors.forbidden(
          'resourceVersionMatch',
          'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided',
        ),
      );
    }
    if (match !== 'NotOlderThan')
      errs.push(fieldErrors.notSupported('resourceVersionMatch', match, ['NotOlderThan']));
  }
  if (errs.length > 0) throw ApiError.invalid({ group: META_GROUP, kind: 'ListOptions' }, '', errs);
}

/**
 * validateDeleteOptions refuses what Kubernetes' `ValidateDeleteOptions` refuses, as 422 Invalid
 * `DeleteOptions.meta.k8s.io ""`: orphanDependents together with propagationPolicy, and a
 * propagationPolicy other than Foreground, Background or Orphan.
 */
export function validateDeleteOptions(opts: ResourceDeleteOptions): void {
  const errs: FieldError[] = [];
  const policy = opts.propagationPolicy;
  if (opts.orphanDependents !== undefined && policy !== undefined) {
    errs.push(
      fieldErrors.invalid(
        'propagationPolicy',
        policy,
        'orphanDependents and deletionPropagation cannot be both set',
      ),
    );
  }
  if (policy !== undefined && policy !== 'Foreground' && policy !== 'Background' && policy !== 'Orphan') {
    errs.push(
      fieldErrors.notSupported('propagationPolicy', policy, ['Foreground', 'Background', 'Orphan', 'nil']),
    );
  }
  if (errs.length > 0) throw ApiError.invalid({ group: META_GROUP, kind: 'DeleteOptions' }, '', errs);
}
