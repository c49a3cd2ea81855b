import { describe, expect, it } from 'vitest';
import { type DiscoveryNegotiation, negotiateDiscovery } from './discovery-negotiation.js';

const V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
const V2BETA1 = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';
const aggregated = (version: 'v2' | 'v2beta1'): DiscoveryNegotiation => ({
  form: 'aggregated',
  version,
  contentType: version === 'v2' ? V2 : V2BETA1,
});
const legacy: DiscoveryNegotiation = { form: 'legacy', contentType: 'application/json' };
const refused: DiscoveryNegotiation = { form: 'not-acceptable' };

describe('negotiateDiscovery', () => {
  it.each<[string, string | undefined, DiscoveryNegotiation]>([
    ['kubectl 1.33', `${V2},${V2BETA1},application/json`, aggregated('v2')],
    ['an older kubectl that knows v2beta1 only', `${V2BETA1},application/json`, aggregated('v2beta1')],
    [
      'client-go with protobuf first',
      `application/vnd.kubernetes.protobuf;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,${V2},application/json`,
      aggregated('v2'),
    ],
    [
      'spaces and quoted parameters',
      ' application/json ; g="apidiscovery.k8s.io" ; v=v2 ; as=APIGroupDiscoveryList ',
      aggregated('v2'),
    ],
    ['plain JSON', 'application/json', legacy],
    ['no header', undefined, legacy],
    ['an empty header', '', legacy],
    ['anything', '*/*', legacy],
    ['any application type', 'application/*', legacy],
    ['JSON preferred by quality', `${V2};q=0.5,application/json`, legacy],
    ['aggregated preferred by quality', `application/json;q=0.9,${V2}`, aggregated('v2')],
    ['a refused aggregated form', `${V2};q=0,application/json`, legacy],
    [
      'an unknown discovery version',
      'application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList',
      refused,
    ],
    ['a table', 'application/json;as=Table;v=v1;g=meta.k8s.io', refused],
    ['protobuf only', 'application/vnd.kubernetes.protobuf', refused],
    ['YAML only', 'application/yaml', refused],
    ['garbage', 'not a media type', refused],
  ])('%s', (_name, accept, expected) => {
    expect(negotiateDiscovery(accept)).toEqual(expected);
  });
});
