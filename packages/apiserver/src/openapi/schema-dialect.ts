import { type JsonSchema, PRESERVE_UNKNOWN_FIELDS } from './schema-converter.js';

/** SchemaDialect is the OpenAPI version a schema is rendered for: Swagger 2.0 (`v2`) or OpenAPI 3.0 (`v3`). */
export type SchemaDialect = 'v2' | 'v3';

const SUBSCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);

/** definitionRef returns the `$ref` of the definition `name` in `dialect`. */
export function definitionRef(name: string, dialect: SchemaDialect): string {
  return dialect === 'v2' ? `#/definitions/${name}` : `#/components/schemas/${name}`;
}

/**
 * renderSchema renders a schema of a definition set (see `JsonSchema`) for `dialect`, as
 * Kubernetes renders its own documents:
 * - `v3`: a bare reference is `{ $ref }`; a reference with its own keywords (a field's description,
 *   patch extensions) is `{ allOf: [{ $ref }], …keywords }`, since OpenAPI 3.0 ignores siblings of
 *   `$ref`; everything else is kept.
 * - `v2`: references keep their sibling keywords; `nullable` is dropped; `oneOf`/`anyOf` of scalars
 *   that include a string become `type: string` (IntOrString, Quantity), other `oneOf`/`anyOf`
 *   are dropped (any value), since Swagger 2.0 has neither; objects with
 *   `x-kubernetes-preserve-unknown-fields` lose `properties`, `required` and
 *   `additionalProperties`, since kubectl's v2 validation would reject every field they do not
 *   name.
 * The input is not modified; the output shares no objects with it except scalar-valued arrays.
 */
export function renderSchema(schema: JsonSchema, dialect: SchemaDialect): JsonSchema {
  const out: JsonSchema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === '$ref') continue;
    if (keyword === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, JsonSchema>).map(([name, field]) => [
          name,
          renderSchema(field, dialect),
        ]),
      );
    } else if ((keyword === 'items' || keyword === 'additionalProperties') && typeof value === 'object') {
      out[keyword] = renderSchema(value as JsonSchema, dialect);
    } else if (SUBSCHEMA_LISTS.has(keyword)) {
      out[keyword] = (value as JsonSchema[]).map((member) => renderSchema(member, dialect));
    } else if (keyword === 'default' && typeof value === 'object' && value !== null) {
      out.default = structuredClone(value);
    } else {
      out[keyword] = value;
    }
  }
  if (dialect === 'v2') downgrade(out);
  if (typeof schema.$ref !== 'string') return out;
  const ref = { $ref: definitionRef(schema.$ref, dialect) };
  if (dialect === 'v2') return { ...ref, ...out };
  return Object.keys(out).length === 0 ? ref : { allOf: [ref], ...out };
}

function downgrade(schema: JsonSchema): void {
  delete schema.nullable;
  if (schema[PRESERVE_UNKNOWN_FIELDS] === true) {
    // kubectl validates against the v2 document (for `kind: List` files, or when a server lacks
    // field validation) and rejects any field an object's properties do not name: an object that
    // keeps unknown fields is published without them, as Kubernetes publishes such custom
    // resource schemas in v2, so that only the server decides what is unknown.
    delete schema.properties;
    delete schema.required;
    delete schema.additionalProperties;
  }
  for (const keyword of ['oneOf', 'anyOf']) {
    const members = schema[keyword] as JsonSchema[] | undefined;
    if (members === undefined) continue;
    delete schema[keyword];
    const types = members.map((m) => m.type);
    if (schema.type === undefined && types.includes('string') && types.every((t) => typeof t === 'string')) {
      schema.type = 'string';
    }
  }
}

/**
 * referencedDefinitions returns the names of the definitions `roots` need: the roots and every
 * definition reachable from them through `$ref`, in no particular order.
 */
export function referencedDefinitions(
  definitions: ReadonlyMap<string, JsonSchema>,
  roots: Iterable<string>,
): Set<string> {
  const found = new Set<string>();
  const pending = [...roots];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (found.has(name)) continue;
    found.add(name);
    const definition = definitions.get(name);
    if (definition !== undefined) collectRefs(definition, pending);
  }
  return found;
}

function collectRefs(value: unknown, into: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') into.push(child);
      else collectRefs(child, into);
    }
  }
}
