/**
 * ScalarType names the protobuf scalar types Kubernetes messages use.
 */
export type ScalarType = 'string' | 'bool' | 'int32' | 'int64' | 'bytes';

/**
 * SpecialType names the apimachinery messages that have their own JSON form:
 * - `Time`: `metav1.Time` `{seconds, nanos}` ↔ an RFC 3339 string with second precision;
 * - `MicroTime`: `metav1.MicroTime` ↔ RFC 3339 with six fractional digits;
 * - `Quantity`: `resource.Quantity` `{string}` ↔ the quantity string;
 * - `IntOrString`: `intstr.IntOrString` `{type, intVal, strVal}` ↔ a number or a string;
 * - `RawExtension`: `runtime.RawExtension` `{raw}` ↔ the JSON value held in `raw`;
 * - `FieldsV1`: `metav1.FieldsV1` `{Raw}` ↔ the JSON object held in `Raw`;
 * - `StringList`: a message `{repeated string items = 1}` (`ExtraValue`) ↔ an array of strings.
 */
export type SpecialType =
  | 'Time'
  | 'MicroTime'
  | 'Quantity'
  | 'IntOrString'
  | 'RawExtension'
  | 'FieldsV1'
  | 'StringList';

/**
 * Presence says when a field appears on the wire and in JSON, following the Go struct field:
 * - `value`: a non-pointer field with `omitempty`. Go always writes it; JSON omits its zero value.
 * - `required`: a non-pointer field without `omitempty`. Go always writes it; JSON always has it.
 * - `pointer`: a pointer field. Present on the wire and in JSON exactly when set.
 * - `repeated`: a slice; each element is one occurrence on the wire; JSON omits an empty list.
 * - `map`: a map, as repeated `{key = 1, value = 2}` entries sorted by key; JSON omits an empty map.
 * - `inline`: an embedded struct (`json:",inline"`): its own field on the wire, its fields merged into
 *   the parent object in JSON.
 */
export type Presence = 'value' | 'required' | 'pointer' | 'repeated' | 'map' | 'inline';

/** FieldSpec describes one field of a {@link MessageSchema}. */
export interface FieldSpec {
  /** index is the field's position in {@link MessageSchema.fields}. */
  readonly index: number;
  /** number is the protobuf field number. */
  readonly number: number;
  /** json is the JSON property name (empty for an inline field). */
  readonly json: string;
  /** type is a scalar, a special type or the name of another message. */
  readonly type: ScalarType | SpecialType | string;
  /** presence is how the field appears on the wire and in JSON. */
  readonly presence: Presence;
}

/** MessageSchema describes one protobuf message: its fields in ascending field-number order. */
export interface MessageSchema {
  readonly name: string;
  /** fields are ordered by field number, the order Go's generated code writes them in. */
  readonly fields: readonly FieldSpec[];
  /** byNumber finds a field by its number. */
  readonly byNumber: ReadonlyMap<number, FieldSpec>;
}

/**
 * MessageTable is the compact, written-by-hand form of a group of message schemas: message name →
 * field list, fields separated by `;`, each `<number> <jsonName> <type>`, where type is
 * - `T` a non-pointer field (`value`), `T!` one without `omitempty` (`required`),
 * - `*T` a pointer, `[]T` a slice, `map[string]T` a map,
 * - and the JSON name `-` marks an inline (embedded) struct: `1 - LocalObjectReference`.
 * A table entry whose value starts with `=` copies another message's fields: `'= Container'`.
 */
export type MessageTable = Readonly<Record<string, string>>;

const SCALARS: ReadonlySet<string> = new Set<ScalarType>(['string', 'bool', 'int32', 'int64', 'bytes']);
const SPECIALS: ReadonlySet<string> = new Set<SpecialType>([
  'Time',
  'MicroTime',
  'Quantity',
  'IntOrString',
  'RawExtension',
  'FieldsV1',
  'StringList',
]);

/** isScalarType tells whether a field type is a protobuf scalar. */
export function isScalarType(type: string): type is ScalarType {
  return SCALARS.has(type);
}

/** isSpecialType tells whether a field type is one of the apimachinery types with their own JSON form. */
export function isSpecialType(type: string): type is SpecialType {
  return SPECIALS.has(type);
}

function parseField(message: string, text: string): Omit<FieldSpec, 'index'> {
  const parts = text.trim().split(/\s+/);
  const [numberText, json, typeText] = parts;
  const number = Number(numberText);
  if (
    parts.length !== 3 ||
    json === undefined ||
    typeText === undefined ||
    !Number.isInteger(number) ||
    number < 1
  ) {
    throw new Error(`message ${message}: cannot read field "${text.trim()}"`);
  }
  let type = typeText;
  let presence: Presence = 'value';
  if (json === '-') {
    presence = 'inline';
  } else if (type.startsWith('[]')) {
    presence = 'repeated';
    type = type.slice(2);
  } else if (type.startsWith('map[string]')) {
    presence = 'map';
    type = type.slice('map[string]'.length);
  } else if (type.startsWith('*')) {
    presence = 'pointer';
    type = type.slice(1);
  } else if (type.endsWith('!')) {
    presence = 'required';
    type = type.slice(0, -1);
  }
  return { number, json: json === '-' ? '' : json, type, presence };
}

/**
 * parseMessageTables turns message tables into schemas, checking that field numbers and JSON names
 * are unique within each message, that every message type a field names is defined in some table,
 * and that inline fields name messages. It throws an Error naming the message otherwise.
 */
export function parseMessageTables(tables: readonly MessageTable[]): ReadonlyMap<string, MessageSchema> {
  const texts = new Map<string, string>();
  for (const table of tables) {
    for (const [name, text] of Object.entries(table)) {
      if (texts.has(name)) throw new Error(`message ${name} is defined twice`);
      texts.set(name, text);
    }
  }
  const schemas = new Map<string, MessageSchema>();
  for (const [name, text] of texts) {
    const source = text.startsWith('=') ? texts.get(text.slice(1).trim()) : text;
    if (source === undefined) throw new Error(`message ${name} copies an undefined message`);
    const fields = source
      .split(';')
      .filter((part) => part.trim() !== '')
      .map((part) => parseField(name, part))
      .sort((a, b) => a.number - b.number)
      .map((field, index): FieldSpec => ({ ...field, index }));
    const byNumber = new Map<number, FieldSpec>();
    const jsonNames = new Set<string>();
    for (const field of fields) {
      if (byNumber.has(field.number))
        throw new Error(`message ${name}: field number ${field.number} is used twice`);
      if (field.json !== '' && jsonNames.has(field.json)) {
        throw new Error(`message ${name}: JSON name ${field.json} is used twice`);
      }
      byNumber.set(field.number, field);
      jsonNames.add(field.json);
    }
    schemas.set(name, { name, fields, byNumber });
  }
  for (const schema of schemas.values()) {
    for (const field of schema.fields) {
      const known = isScalarType(field.type) || isSpecialType(field.type) || schemas.has(field.type);
      if (!known)
        throw new Error(`message ${schema.name}: field ${field.json} has unknown type ${field.type}`);
      if (field.presence === 'inline' && !schemas.has(field.type)) {
        throw new Error(`message ${schema.name}: inline field ${field.number} must name a message`);
      }
    }
  }
  return schemas;
}
