/**
 * FieldPatchStrategy is what Kubernetes' `patchStrategy` and `patchMergeKey` struct tags say
 * about one field, for strategic merge patch.
 *
 * - `strategy: 'merge'` with a `mergeKey`: a list of objects whose items are matched by the value
 *   of that key and merged one by one (`containers` by `name`).
 * - `strategy: 'merge'` without a `mergeKey`: a list of primitives treated as a set (`finalizers`).
 * - `strategy: 'replace'`: the patch value replaces the field whole, maps included.
 * - no `strategy`: the default — lists are replaced, maps are merged.
 * - `retainKeys: true`: the field is a union whose patches carry `$retainKeys` (for a list with
 *   `merge`, each item is). Applying a patch honours `$retainKeys` on any map, as Kubernetes does;
 *   the flag is what a patch generator or an OpenAPI document (`x-kubernetes-patch-strategy:
 *   merge,retainKeys`) needs to know.
 */
export interface FieldPatchStrategy {
  readonly strategy?: 'merge' | 'replace';
  readonly mergeKey?: string;
  readonly retainKeys?: boolean;
}

/**
 * LIST_ITEM is the path segment that stands for "any item of this list" in the paths a
 * {@link PatchStrategyLookup} is asked about (`['spec', 'containers', '[]', 'ports']`). In table
 * paths it is written as a `[]` suffix: `containers[].ports`.
 */
export const LIST_ITEM = '[]';

/**
 * PatchStrategyLookup tells the strategic merge patch engine how to merge each field of one kind
 * of object.
 */
export interface PatchStrategyLookup {
  /**
   * strategyFor returns the strategy of the field at `path` — object keys from the root, with
   * {@link LIST_ITEM} for each step into a list item — or undefined when the field has none
   * (lists replace, maps merge). It must be a pure function of `path`.
   */
  strategyFor(path: readonly string[]): FieldPatchStrategy | undefined;
}

/**
 * PatchSchema describes the strategies of one Go struct (or of one kind's top level), as data.
 * Paths are dot-separated field names relative to the struct, with a `[]` suffix to step into list
 * items: `template.spec`, `containers[].ports`. An empty path (`''`) in `structs` embeds a struct
 * inline.
 */
export interface PatchSchema {
  /** The strategy of each field that has one, by path. */
  readonly fields?: Readonly<Record<string, FieldPatchStrategy>>;
  /** The named struct found at each path; its own paths continue below that point. */
  readonly structs?: Readonly<Record<string, string>>;
}

/** Node is one path of a compiled schema: its strategy, its children, and an embedded struct. */
interface Node {
  strategy?: FieldPatchStrategy;
  struct?: string;
  readonly children: Map<string, Node>;
}

/** splitSchemaPath turns `containers[].ports` into `['containers', '[]', 'ports']`. */
function splitSchemaPath(path: string): string[] {
  if (path === '') return [];
  return path.split('.').flatMap((part) => {
    const items: string[] = [];
    let name = part;
    while (name.endsWith(LIST_ITEM)) {
      items.push(LIST_ITEM);
      name = name.slice(0, -LIST_ITEM.length);
    }
    if (name === '') throw new Error(`patch schema path ${JSON.stringify(path)} has an empty field name`);
    return [name, ...items];
  });
}

function compile(name: string, schema: PatchSchema): Node {
  const root: Node = { children: new Map() };
  const nodeAt = (path: string): Node => {
    let node = root;
    for (const segment of splitSchemaPath(path)) {
      let child = node.children.get(segment);
      if (child === undefined) {
        child = { children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    return node;
  };
  for (const [path, strategy] of Object.entries(schema.fields ?? {})) {
    if (path === '') throw new Error(`patch schema ${name} gives a strategy to its own root`);
    if (strategy.mergeKey !== undefined && (strategy.strategy !== 'merge' || strategy.mergeKey === '')) {
      throw new Error(`patch schema ${name}.${path}: a mergeKey needs strategy 'merge' and a non-empty name`);
    }
    nodeAt(path).strategy = strategy;
  }
  for (const [path, struct] of Object.entries(schema.structs ?? {})) {
    nodeAt(path).struct = struct;
  }
  return root;
}

/**
 * createPatchStrategyLookup compiles a kind's {@link PatchSchema} and the named structs it refers
 * to into a {@link PatchStrategyLookup}. Structs may refer to each other, recursively too; a
 * lookup costs one map step per path segment.
 *
 * @throws Error when a struct name is unknown, a path is malformed, a `mergeKey` comes without
 * `strategy: 'merge'`, or structs embed each other inline in a cycle — configuration mistakes,
 * reported when the lookup is created rather than when a patch is applied.
 */
export function createPatchStrategyLookup(
  root: PatchSchema,
  structs: Readonly<Record<string, PatchSchema>> = {},
): PatchStrategyLookup {
  const compiled = new Map<string, Node>();
  for (const [name, schema] of Object.entries(structs)) compiled.set(name, compile(name, schema));
  const top = compile('(root)', root);

  const check = (node: Node, where: string): void => {
    if (node.struct !== undefined && !compiled.has(node.struct)) {
      throw new Error(`patch schema ${where} refers to unknown struct ${node.struct}`);
    }
    for (const [segment, child] of node.children) check(child, `${where}/${segment}`);
  };
  check(top, '(root)');
  for (const [name, node] of compiled) check(node, name);
  for (const [name, node] of compiled) {
    const seen = new Set([name]);
    for (let embedded = node.struct; embedded !== undefined; embedded = compiled.get(embedded)?.struct) {
      if (seen.has(embedded))
        throw new Error(`patch schema ${name} embeds itself inline through ${embedded}`);
      seen.add(embedded);
    }
  }

  const child = (node: Node, segment: string): Node | undefined => {
    for (let at: Node | undefined = node; at !== undefined; ) {
      const found = at.children.get(segment);
      if (found !== undefined) return found;
      at = at.struct === undefined ? undefined : compiled.get(at.struct);
    }
    return undefined;
  };

  return {
    strategyFor(path: readonly string[]): FieldPatchStrategy | undefined {
      let node: Node | undefined = top;
      for (const segment of path) {
        node = child(node, segment);
        if (node === undefined) return undefined;
      }
      return node.strategy;
    },
  };
}
