import { z } from 'zod';

/**
 * QuantityValue is a Kubernetes `resource.Quantity` as it appears on the wire: a string such as
 * `"500m"` or `"1Gi"`, or a plain JSON number (`cpu: 2` in YAML). It is kept exactly as written;
 * parsing and comparing quantities is the job of the quantity module.
 */
export const QuantityValue = z
  .union([z.string(), z.number()])
  .describe('A quantity such as 500m, 1Gi or 2 (string or number).');
/** QuantityValue is the type of a {@link QuantityValue} value. */
export type QuantityValue = z.infer<typeof QuantityValue>;

/**
 * ResourceList is core/v1 `ResourceList`: a map from resource name (`cpu`, `memory`,
 * `ephemeral-storage`, `pods`, extended resources …) to a {@link QuantityValue}, as in container
 * requests and limits or a Node's capacity.
 */
export const ResourceList = z
  .record(z.string(), QuantityValue)
  .describe('A map of resource names (cpu, memory, …) to quantities.');
/** ResourceList is the type of a {@link ResourceList} value. */
export type ResourceList = z.infer<typeof ResourceList>;
