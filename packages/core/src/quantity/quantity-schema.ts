import { z } from 'zod';
import { ParseError } from '../errors/parse-error.js';
import { Quantity } from './quantity.js';

/**
 * quantitySchema accepts a quantity as a resource manifest may write it, a string (`"500m"`,
 * `" 1Gi "`, surrounding blanks trimmed as Kubernetes' JSON decoder does) or a number (`0.5`,
 * `2`), and outputs the string Kubernetes would store and serve for it ({@link Quantity.toString}:
 * `0.5` → `"500m"`, `"1024Mi"` → `"1Gi"`; a number in canonical form, `1e21` → `"1e21"`). An invalid quantity is a zod issue carrying
 * Kubernetes' message. Use it for fields such as `resources.requests.cpu`.
 */
export const quantitySchema = z
  .union([z.string(), z.number()])
  .transform((input, ctx) => {
    try {
      if (typeof input === 'string') return Quantity.parse(input.trim()).toString();
      // A number's original text is lost, so it is printed in the canonical form of its notation.
      const q = Quantity.parse(String(input));
      return q.withFormat(q.format).toString();
    } catch (err) {
      if (!ParseError.is(err)) throw err;
      ctx.addIssue({ code: 'custom', message: err.message, input });
      return z.NEVER;
    }
  })
  .meta({
    description: 'A Kubernetes quantity, such as "100m", "1.5Gi" or 2.',
    'x-kubernetes-int-or-string': true,
  });
