import { ContainerModule } from 'inversify';
import { AlwaysAllowAuthorizer } from '../plugins/always-allow-authorizer.js';
import { AnonymousAuthenticator } from '../plugins/anonymous-authenticator.js';
import { DefaultTolerationSeconds } from '../plugins/default-toleration-seconds.js';
import { NamespaceLifecycle } from '../plugins/namespace-lifecycle.js';
import { NAMESPACE_LOOKUP, type NamespaceLookup } from '../plugins/namespace-lookup.js';
import { PodDefaults } from '../plugins/pod-defaults.js';
import { NAMESPACE_ENSURER, type NamespaceEnsurer, SystemNamespaces } from '../plugins/system-namespaces.js';
import { BOOTSTRAPPER, type Bootstrapper } from './bootstrapper.js';
import {
  AUTHORIZER,
  type Authenticator,
  type Authorizer,
  MUTATING_ADMISSION,
  type MutatingAdmission,
} from './contracts.js';
import { ANONYMOUS_AUTHENTICATOR, RequestPipeline } from './request-pipeline.js';

/** ApiServerDefaultsOptions turns the built-ins of {@link apiServerDefaultsModule} on or off. */
export interface ApiServerDefaultsOptions {
  /** Serve requests that no authenticator claims as `system:anonymous` (default true), as `--anonymous-auth`. */
  readonly anonymous?: boolean;
  /** Allow every request nothing bound earlier denied (default true), as `--authorization-mode=AlwaysAllow`. */
  readonly alwaysAllow?: boolean;
}

/**
 * apiServerDefaultsModule binds the {@link RequestPipeline} (a singleton) and the built-in plugins
 * every API server needs, in Kubernetes' order:
 *
 * - `ANONYMOUS_AUTHENTICATOR`: {@link AnonymousAuthenticator} (unless `anonymous: false`);
 * - `AUTHORIZER`: {@link AlwaysAllowAuthorizer} (unless `alwaysAllow: false`);
 * - `MUTATING_ADMISSION`: {@link NamespaceLifecycle}, {@link PodDefaults}, {@link DefaultTolerationSeconds};
 * - `BOOTSTRAPPER`: {@link SystemNamespaces}.
 *
 * The container must also bind `NAMESPACE_LOOKUP` and `NAMESPACE_ENSURER` (the API server binds
 * both over its storage) before the pipeline or the bootstrappers are resolved. Plugins in modules
 * loaded after this one run after the built-ins of the same stage; load a module before this one to
 * run first:
 *
 * ```ts
 * const container = new Container();
 * container.load(apiServerDefaultsModule(), myAdmissionModule);
 * ```
 */
export function apiServerDefaultsModule(options: ApiServerDefaultsOptions = {}): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(RequestPipeline).toSelf().inSingletonScope();
    if (options.anonymous ?? true) {
      bind<Authenticator>(ANONYMOUS_AUTHENTICATOR).toConstantValue(new AnonymousAuthenticator());
    }
    if (options.alwaysAllow ?? true) {
      bind<Authorizer>(AUTHORIZER).toConstantValue(new AlwaysAllowAuthorizer());
    }
    bind<MutatingAdmission>(MUTATING_ADMISSION)
      .toResolvedValue(
        (namespaces: NamespaceLookup) => new NamespaceLifecycle(namespaces),
        [NAMESPACE_LOOKUP],
      )
      .inSingletonScope();
    bind<MutatingAdmission>(MUTATING_ADMISSION).toConstantValue(new PodDefaults());
    bind<MutatingAdmission>(MUTATING_ADMISSION).toConstantValue(new DefaultTolerationSeconds());
    bind<Bootstrapper>(BOOTSTRAPPER)
      .toResolvedValue(
        (namespaces: NamespaceEnsurer) => new SystemNamespaces(namespaces),
        [NAMESPACE_ENSURER],
      )
      .inSingletonScope();
  });
}
