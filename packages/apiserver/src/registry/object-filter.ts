import {
  ApiError,
  FieldSelector,
  LabelSelector,
  type ResourceType,
  selectableFieldValues,
} from '@capstan/core';
import type { ApiObject } from './api-object.js';

/** ObjectFilterSpec is what narrows a list or a watch: a namespace and selectors in string or parsed form. */
export interface ObjectFilterSpec {
  /** Only objects of this namespace; undefined or `''` for every namespace. */
  readonly namespace?: string | undefined;
  readonly labelSelector?: string | LabelSelector | undefined;
  readonly fieldSelector?: string | FieldSelector | undefined;
}

/**
 * FilterableObject is the part of an object a filter looks at. `fields` is a getter so that
 * callers may compute the selectable fields only when a field selector asks for them.
 */
export interface FilterableObject {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>> | undefined;
  fields(): Readonly<Record<string, string>>;
}

/**
 * ObjectFilter decides which objects of one resource type a list or watch returns: namespace,
 * label selector and field selector together, as Kubernetes' `SelectionPredicate` does.
 *
 * Guarantees: {@link ObjectFilter.create} refuses a malformed selector (400 with the parser's
 * message) and a field selector on a field the type does not declare selectable (400
 * `field label not supported: <field>`), so a filter that exists can always be evaluated.
 */
export class ObjectFilter {
  readonly namespace: string | undefined;
  readonly labels: LabelSelector;
  readonly fields: FieldSelector;

  private constructor(namespace: string | undefined, labels: LabelSelector, fields: FieldSelector) {
    this.namespace = namespace;
    this.labels = labels;
    this.fields = fields;
  }

  /** create parses and checks a filter for `type`; the namespace is dropped for cluster-scoped types. */
  static create(type: ResourceType, spec: ObjectFilterSpec = {}): ObjectFilter {
    const labels = parseSelector(spec.labelSelector, LabelSelector.parse, LabelSelector.everything());
    const fields = parseSelector(spec.fieldSelector, FieldSelector.parse, FieldSelector.everything());
    for (const requirement of fields.requirements()) {
      if (!Object.hasOwn(type.selectableFields, requirement.field)) {
        throw ApiError.badRequest(`field label not supported: ${requirement.field}`);
      }
    }
    const namespace = type.namespaced && spec.namespace !== '' ? spec.namespace : undefined;
    return new ObjectFilter(namespace, labels, fields);
  }

  /** isEverything tells whether the filter has no selector (it may still name a namespace). */
  isEverything(): boolean {
    return this.labels.isEverything() && this.fields.isEverything();
  }

  /** matches tells whether an object passes the namespace, label and field checks. */
  matches(object: FilterableObject): boolean {
    if (this.namespace !== undefined && object.namespace !== this.namespace) return false;
    if (!this.labels.matches(object.labels)) return false;
    if (this.fields.isEverything()) return true;
    const fields = object.fields();
    return this.fields.matches((field) => fields[field]);
  }

  /** matchesObject is {@link ObjectFilter.matches} for a plain object of `type`. */
  matchesObject(type: ResourceType, object: ApiObject): boolean {
    return this.matches(filterableObject(type, object));
  }
}

/** filterableObject views an object of `type` as a {@link FilterableObject}, computing its fields on first use. */
export function filterableObject(type: ResourceType, object: ApiObject): FilterableObject {
  let fields: Record<string, string> | undefined;
  return {
    namespace: object.metadata.namespace ?? '',
    labels: object.metadata.labels,
    fields: () => {
      fields ??= selectableFieldValues(type, object);
      return fields;
    },
  };
}

function parseSelector<S>(value: string | S | undefined, parse: (text: string) => S, everything: S): S {
  if (value === undefined) return everything;
  if (typeof value !== 'string') return value;
  try {
    return parse(value);
  } catch (err) {
    throw ApiError.from(err);
  }
}
