import { arch, platform } from 'node:process';

/** VersionInfo is the body of `/version`, with the fields of Kubernetes' `version.Info`. */
export interface VersionInfo {
  readonly major: string;
  readonly minor: string;
  readonly emulationMajor: string;
  readonly emulationMinor: string;
  readonly minCompatibilityMajor: string;
  readonly minCompatibilityMinor: string;
  readonly gitVersion: string;
  readonly gitCommit: string;
  readonly gitTreeState: string;
  readonly buildDate: string;
  readonly goVersion: string;
  readonly compiler: string;
  readonly platform: string;
}

/** KUBERNETES_API_VERSION is the Kubernetes release whose API Capstan serves. */
export const KUBERNETES_API_VERSION = { major: '1', minor: '33' } as const;

/** CAPSTAN_VERSION is the version of this package. */
export const CAPSTAN_VERSION = '0.1.0';

const GO_ARCH: Readonly<Record<string, string>> = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm' };

/**
 * versionInfo returns what `/version` serves: the Kubernetes API version Capstan implements (1.33)
 * as `major`/`minor` and as the base of `gitVersion`, which carries Capstan's own version as
 * semver build metadata (`v1.33.0+capstan.0.1.0`, the form k3s uses, so kubectl's version-skew
 * check reads 1.33). Capstan is not built from a Kubernetes commit: `gitCommit`, `gitTreeState`
 * and `buildDate` are empty, `goVersion` names the Node.js runtime and `compiler` is `node`.
 */
export function versionInfo(): VersionInfo {
  const { major, minor } = KUBERNETES_API_VERSION;
  return {
    major,
    minor,
    emulationMajor: major,
    emulationMinor: minor,
    minCompatibilityMajor: major,
    minCompatibilityMinor: String(Number(minor) - 1),
    gitVersion: `v${major}.${minor}.0+capstan.${CAPSTAN_VERSION}`,
    gitCommit: '',
    gitTreeState: '',
    buildDate: '',
    goVersion: `node${process.versions.node}`,
    compiler: 'node',
    platform: `${platform}/${GO_ARCH[arch] ?? arch}`,
  };
}
