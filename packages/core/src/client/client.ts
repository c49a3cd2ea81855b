import { createBuiltinRegistry } from '../resources/builtin-resources.js';
import type { ResourceRegistry } from '../resources/resource-registry.js';
import type { ResourceType } from '../resources/resource-type.js';
import { type ResourceClient, TypedResourceClient } from './resource-client.js';
import type { Transport } from './transport.js';

/** ClientOptions configure {@link createClient}. */
export interface ClientOptions {
  /** Where requests go: {@link httpTransport}, {@link transportFromKubeconfig}, or an API server in-process. */
  readonly transport: Transport;
  /** Types {@link Client.resourceFor} looks kinds up in; the built-in kinds by default. */
  readonly registry?: ResourceRegistry;
  /** User-Agent sent with every request; `capstan-client` by default. */
  readonly userAgent?: string;
}

/** Client is the typed Kubernetes client: one handle per resource type, all sharing one transport. */
export interface Client {
  /** The transport every request goes through. */
  readonly transport: Transport;
  /** resource returns the typed handle on `type`, e.g. `client.resource(Pod).namespace('default')`. */
  resource<T extends ResourceType>(type: T): ResourceClient<T>;
  /**
   * resourceFor returns the handle on the type of an object's `apiVersion` and `kind` (an owner
   * reference, say), looked up in the client's registry; it throws a `TypeError` for a kind the
   * registry does not know.
   */
  resourceFor(ref: { readonly apiVersion: string; readonly kind: string }): ResourceClient<ResourceType>;
}

/**
 * createClient returns a {@link Client} that sends every request through `options.transport`:
 * over HTTP with `createClient({ transport: httpTransport({ server, token }) })`, or straight
 * into an API server's handler chain with `createClient({ transport: apiServer })`. Both behave
 * the same; the client holds no state besides its options, so handles are cheap to create.
 */
export function createClient(options: ClientOptions): Client {
  const { transport } = options;
  const userAgent = options.userAgent ?? 'capstan-client';
  let registry = options.registry;
  return {
    transport,
    resource: (type) => new TypedResourceClient(transport, userAgent, type),
    resourceFor: (ref) => {
      registry ??= createBuiltinRegistry();
      const slash = ref.apiVersion.indexOf('/');
      const group = slash === -1 ? '' : ref.apiVersion.slice(0, slash);
      const version = ref.apiVersion.slice(slash + 1);
      const type = registry.forKind({ group, version, kind: ref.kind });
      if (type === undefined) {
        throw new TypeError(
          `the client's registry has no resource of kind ${ref.kind} in ${ref.apiVersion}; pass a registry that holds it to createClient`,
        );
      }
      return new TypedResourceClient(transport, userAgent, type);
    },
  };
}
