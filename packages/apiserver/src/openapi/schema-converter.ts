import { z } from 'zod';
import type { DefinitionName } from './definition-names.js';

/**
 * JsonSchema is one schema of a definition set, in OpenAPI 3.0 form except for references:
 * `$ref` holds a bare definition name, which each document renders in its own dialect
 * (`#/definitions/…` or `#/components/schemas/…`).
 */
export interface JsonSchema {
  [keyword: string]: unknown;
}

/** PRESERVE_UNKNOWN_FIELDS is the Kubernetes extension saying a value's unknown fields are kept as written. */
export const PRESERVE_UNKNOWN_FIELDS = 'x-kubernetes-preserve-unknown-fields';

const WRAPPERS = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'readonly',
  'catch',
  'nonoptional',
  'pipe',
]);
const SCALAR_TYPES = new Set(['string', 'integer', 'number', 'boolean']);

/**
 * SchemaConverter turns zod schemas into named OpenAPI definitions, generating each definition
 * once and referring to it by name wherever its schema appears.
 *
 * - A schema whose zod definition is one of the `shared` names (or a `.describe()` copy of one)
 *   becomes a `$ref`; `contextual` names (`<definition>.<path>` → name) name a schema by where it
 *   appears instead. Giving one name to two different schemas throws: names must be unambiguous.
 * - Objects list `properties` and `required` (the fields whose input is not optional); loose
 *   objects — which keep the fields they do not declare, as Capstan's models of Kubernetes types
 *   do — and `z.any()`, `z.unknown()` and `z.lazy()` values are
 *   `x-kubernetes-preserve-unknown-fields`; strict objects forbid `additionalProperties`;
 *   records are `additionalProperties` maps; `nullable` marks nullable values; defaults are
 *   published; descriptions come from `.describe()`/`.meta()` (a field's own, else its type's).
 * - A union of an integer and a string is `x-kubernetes-int-or-string` (format `int-or-string`);
 *   other unions of distinct scalar types are `oneOf`, unions of enums of one type one `enum`,
 *   any other union `anyOf`. Scalars take their checks from `z.toJSONSchema`.
 * - Recursion through a named definition is a `$ref`; recursion through unnamed schemas is cut
 *   off with an object that preserves unknown fields.
 */
export class SchemaConverter {
  readonly #definitions = new Map<string, JsonSchema>();
  readonly #owners = new Map<string, z.core.$ZodTypeDef>();
  readonly #shared = new Map<z.core.$ZodTypeDef, DefinitionName>();
  readonly #contextual: Readonly<Record<string, string>>;
  readonly #inProgress = new Set<z.core.$ZodTypeDef>();

  /** Creates a converter naming `shared` schemas by their zod definitions and `contextual` ones by place. */
  constructor(shared: readonly DefinitionName[], contextual: Readonly<Record<string, string>>) {
    for (const entry of shared) this.#shared.set(entry.schema._zod.def, entry);
    this.#contextual = contextual;
  }

  /** definitions returns every definition generated so far, by name. */
  get definitions(): ReadonlyMap<string, JsonSchema> {
    return this.#definitions;
  }

  /**
   * define generates the definition `name` from `schema` (and every definition it refers to) and
   * returns it. Defining a name again with the same schema returns the existing definition.
   *
   * @throws Error when `name` is already the definition of a different schema.
   */
  define(name: string, schema: z.core.$ZodType): JsonSchema {
    const existing = this.#definitions.get(name);
    const owner = this.#owners.get(name);
    if (existing !== undefined && owner !== undefined) {
      if (owner !== schema._zod.def)
        throw new Error(`OpenAPI definition ${name} would describe two different schemas`);
      return existing;
    }
    const definition: JsonSchema = {};
    this.#definitions.set(name, definition);
    this.#owners.set(name, schema._zod.def);
    const description = descriptionOf(schema);
    Object.assign(
      definition,
      description === undefined ? {} : { description },
      this.#convertType(schema, name, ''),
    );
    return definition;
  }

  /**
   * convert returns the schema of a value of `schema` found at `path` of definition `owner`. A
   * `field` (an object property) without a description of its own is described by its type's
   * description, so that `kubectl explain` lists no field blank; list items and map values are not.
   */
  convert(schema: z.core.$ZodType, owner: string, path: string, field = false): JsonSchema {
    let current = schema;
    let description: string | undefined;
    let nullable = false;
    let defaulted = false;
    let defaultValue: unknown;
    for (let inner = wrapped(current); inner !== undefined; inner = wrapped(current)) {
      description ??= descriptionOf(current);
      const def = current._zod.def;
      if (def.type === 'nullable') nullable = true;
      if ((def.type === 'default' || def.type === 'prefault') && !defaulted) {
        defaulted = true;
        defaultValue = (def as z.core.$ZodDefaultDef).defaultValue;
      }
      current = inner;
    }

    const contextualName = this.#contextual[`${owner}.${path}`];
    const shared = this.#shared.get(current._zod.def);
    let result: JsonSchema;
    let typeDescription: string | undefined;
    if (contextualName !== undefined) {
      this.define(contextualName, current);
      result = { $ref: contextualName };
      typeDescription = descriptionOf(current);
    } else if (shared !== undefined) {
      this.define(shared.name, shared.schema);
      result = { $ref: shared.name };
      typeDescription = descriptionOf(shared.schema);
    } else {
      result = this.#convertType(current, owner, path);
    }
    // A `.describe()` copy of a named schema carries the value's own description; otherwise the
    // description is the named type's, repeated only for fields.
    const own = descriptionOf(current);
    if (description === undefined && own !== undefined && (field || own !== typeDescription))
      description = own;
    if (description !== undefined) result.description = description;
    if (nullable) result.nullable = true;
    if (defaulted && isJson(defaultValue)) result.default = defaultValue;
    return result;
  }

  #convertType(schema: z.core.$ZodType, owner: string, path: string): JsonSchema {
    const def = schema._zod.def;
    switch (def.type) {
      case 'object':
        return this.#object(schema as z.core.$ZodObject, owner, path);
      case 'array':
        return this.#array(def as z.core.$ZodArrayDef, owner, path);
      case 'record':
        return {
          type: 'object',
          additionalProperties: this.convert((def as z.core.$ZodRecordDef).valueType, owner, `${path}{}`),
        };
      case 'union':
        return this.#union((def as z.core.$ZodUnionDef).options, owner, path);
      case 'intersection': {
        const { left, right } = def as z.core.$ZodIntersectionDef;
        return { allOf: [this.convert(left, owner, path), this.convert(right, owner, path)] };
      }
      case 'any':
      case 'unknown':
      case 'lazy':
        return { [PRESERVE_UNKNOWN_FIELDS]: true };
      default:
        return scalar(schema);
    }
  }

  #object(schema: z.core.$ZodObject, owner: string, path: string): JsonSchema {
    const def = schema._zod.def;
    if (this.#inProgress.has(def)) return { type: 'object', [PRESERVE_UNKNOWN_FIELDS]: true };
    this.#inProgress.add(def);
    try {
      const properties: Record<string, JsonSchema> = {};
      const required: string[] = [];
      for (const [key, field] of Object.entries(def.shape)) {
        properties[key] = this.convert(field, owner, path === '' ? key : `${path}.${key}`, true);
        if (field._zod.optin === undefined) required.push(key);
      }
      const result: JsonSchema = { type: 'object' };
      if (required.length > 0) result.required = required;
      if (Object.keys(properties).length > 0) result.properties = properties;
      const catchall = def.catchall?._zod.def.type;
      if (catchall === 'never') {
        result.additionalProperties = false;
      } else if (catchall === 'unknown' || catchall === 'any') {
        result[PRESERVE_UNKNOWN_FIELDS] = true;
      } else if (def.catchall !== undefined) {
        result.additionalProperties = this.convert(def.catchall, owner, `${path}{}`);
      }
      return result;
    } finally {
      this.#inProgress.delete(def);
    }
  }

  #array(def: z.core.$ZodArrayDef, owner: string, path: string): JsonSchema {
    const result: JsonSchema = { type: 'array', items: this.convert(def.element, owner, `${path}[]`) };
    for (const check of def.checks ?? []) {
      const checkDef = check._zod.def as {
        check: string;
        minimum?: number;
        maximum?: number;
        length?: number;
      };
      if (checkDef.check === 'min_length') result.minItems = checkDef.minimum;
      if (checkDef.check === 'max_length') result.maxItems = checkDef.maximum;
      if (checkDef.check === 'length_equals') {
        result.minItems = checkDef.length;
        result.maxItems = checkDef.length;
      }
    }
    return result;
  }

  #union(options: readonly z.core.$ZodType[], owner: string, path: string): JsonSchema {
    const nullable = options.some(isNull);
    const members = options
      .filter((option) => !isNull(option))
      .map((option, i) => this.convert(option, owner, `${path}|${i}`));
    const result = unionOf(members);
    if (nullable) result.nullable = true;
    return result;
  }
}

function unionOf(members: JsonSchema[]): JsonSchema {
  const [first] = members;
  if (first === undefined) return {};
  if (members.length === 1) return { ...first };
  const types = members.map((m) => (isScalar(m) ? (m.type as string) : undefined));
  if (types.every((t) => t !== undefined)) {
    if (new Set(types).size === 1 && members.every((m) => Array.isArray(m.enum))) {
      return { type: first.type, enum: [...new Set(members.flatMap((m) => m.enum as unknown[]))] };
    }
    if (new Set(types).size === types.length) {
      const intOrString = types.length === 2 && types.includes('integer') && types.includes('string');
      return intOrString
        ? { format: 'int-or-string', 'x-kubernetes-int-or-string': true, oneOf: members }
        : { oneOf: members };
    }
  }
  return { anyOf: members };
}

function isScalar(schema: JsonSchema): boolean {
  return typeof schema.type === 'string' && SCALAR_TYPES.has(schema.type) && schema.$ref === undefined;
}

function isNull(schema: z.core.$ZodType): boolean {
  const def = schema._zod.def;
  return (
    def.type === 'null' ||
    (def.type === 'literal' && (def as z.core.$ZodLiteralDef<null>).values.includes(null))
  );
}

function wrapped(schema: z.core.$ZodType): z.core.$ZodType | undefined {
  const def = schema._zod.def;
  if (!WRAPPERS.has(def.type)) return undefined;
  // A pipe's input side is what a client sends; every other wrapper has an innerType.
  return def.type === 'pipe' ? (def as z.core.$ZodPipeDef).in : (def as z.core.$ZodOptionalDef).innerType;
}

function descriptionOf(schema: z.core.$ZodType): string | undefined {
  const description = z.globalRegistry.get(schema)?.description;
  return typeof description === 'string' && description !== '' ? description : undefined;
}

const SAFE_INTEGER_BOUNDS = { minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER };

/** scalar converts a schema without fields (strings, numbers, enums, literals …) with zod's own JSON Schema generator. */
function scalar(schema: z.core.$ZodType): JsonSchema {
  const json: JsonSchema = {
    ...z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }),
  };
  delete json.$schema;
  delete json.description;
  // z.number().int() bounds integers to JavaScript's safe range; Kubernetes publishes plain integers.
  if (json.type === 'integer') {
    if (json.minimum === SAFE_INTEGER_BOUNDS.minimum) delete json.minimum;
    if (json.maximum === SAFE_INTEGER_BOUNDS.maximum) delete json.maximum;
  }
  return json;
}

function isJson(value: unknown): boolean {
  try {
    return value !== undefined && JSON.stringify(value) !== undefined;
  } catch {
    return false;
  }
}
