import { z } from 'zod';

/**
 * LabelSelectorRequirement is `metav1.LabelSelectorRequirement`: `key`, an `operator` (`In`,
 * `NotIn`, `Exists` or `DoesNotExist`, the only operators Kubernetes accepts) and the `values`
 * it applies to.
 */
export const LabelSelectorRequirement = z
  .looseObject({
    key: z.string().describe('The label key the selector applies to.'),
    operator: z
      .enum(['In', 'NotIn', 'Exists', 'DoesNotExist'])
      .describe('How the key relates to the values.'),
    values: z
      .array(z.string())
      .optional()
      .describe('Values for In and NotIn (non-empty); empty for Exists and DoesNotExist.'),
  })
  .describe('A selector requirement: a key, an operator and values.');
/** LabelSelectorRequirement is the type of a {@link LabelSelectorRequirement} value. */
export type LabelSelectorRequirement = z.infer<typeof LabelSelectorRequirement>;

/**
 * LabelSelectorSchema is the zod schema of `metav1.LabelSelector`, the structured selector of
 * workloads, affinity terms and more: `matchLabels` and `matchExpressions` are ANDed. It checks the
 * wire shape only (its objects are `LabelSelectorSpec`s); `LabelSelector.fromSpec` in the selectors
 * module turns one into a matcher. The name carries a `Schema` suffix because `LabelSelector` is
 * that matcher class.
 */
export const LabelSelectorSchema = z
  .looseObject({
    matchLabels: z
      .record(z.string(), z.string())
      .optional()
      .describe('Map of key-value pairs, each equivalent to an In requirement with one value.'),
    matchExpressions: z
      .array(LabelSelectorRequirement)
      .optional()
      .describe('List of label selector requirements.'),
  })
  .describe('A label query over a set of resources; an empty selector matches everything.');
