import { ApiError } from '@capstan/core';
import { MAX_JSON_DEPTH } from '../patch/patch-error.js';

/**
 * JsonStructure is what {@link jsonStructure} finds in a JSON text besides its value: the paths of
 * the object members that repeat an earlier member's name, in document order, in Kubernetes' path
 * syntax (`spec.template.spec.containers[0].imagePullPolicy`, `[1].path` under a top-level
 * array). Each repeated path is listed once.
 */
export interface JsonStructure {
  readonly duplicates: readonly string[];
}

interface Frame {
  readonly array: boolean;
  readonly path: string;
  index: number;
  readonly names: Set<string> | undefined;
}

/**
 * jsonStructure scans a JSON text that `JSON.parse` has accepted, without recursion, for what
 * the parse hides: members whose name repeats within one object (the parse keeps the last). It
 * throws a 400 BadRequest when objects and arrays nest deeper than {@link MAX_JSON_DEPTH}, so
 * that nothing later recurses through a hostile body. With `findDuplicates` false it only checks
 * the depth.
 */
export function jsonStructure(text: string, findDuplicates: boolean): JsonStructure {
  const duplicates: string[] = [];
  const reported = new Set<string>();
  const stack: Frame[] = [];
  let expectKey = false;
  let pendingKey: string | undefined;
  const childPath = (): string => {
    const top = stack.at(-1);
    if (top === undefined) return '';
    if (top.array) return `${top.path}[${top.index}]`;
    return top.path === '' ? (pendingKey ?? '') : `${top.path}.${pendingKey ?? ''}`;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const end = stringEnd(text, i);
      if (expectKey) {
        const raw = text.slice(i, end + 1);
        pendingKey = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        const top = stack.at(-1)!;
        if (top.names !== undefined) {
          if (top.names.has(pendingKey)) {
            const path = childPath();
            if (!reported.has(path)) {
              reported.add(path);
              duplicates.push(path);
            }
          } else top.names.add(pendingKey);
        }
        expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= MAX_JSON_DEPTH) {
        throw ApiError.badRequest(`the request body nests deeper than ${MAX_JSON_DEPTH} levels`);
      }
      const array = c === 0x5b;
      stack.push({
        array,
        path: childPath(),
        index: 0,
        names: !array && findDuplicates ? new Set() : undefined,
      });
      expectKey = !array;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      const top = stack.at(-1);
      if (top?.array) top.index++;
      else expectKey = true;
    }
  }
  return { duplicates };
}

/** stringEnd returns the index of the quote that closes the string starting at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote === -1) return text.length - 1;
    let backslashes = 0;
    for (let j = quote - 1; j > start && text.charCodeAt(j) === 0x5c; j--) backslashes++;
    if (backslashes % 2 === 0) return quote;
    i = quote + 1;
  }
}
