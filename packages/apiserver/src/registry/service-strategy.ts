import { nameIsDNS1035Label } from '@capstan/core';
import type { ResourceStrategy } from './resource-strategy.js';

/** serviceStrategy is the storage behaviour of core/v1 Services: names are DNS-1035 labels, as Kubernetes requires. */
export const serviceStrategy: ResourceStrategy = {
  validateName: nameIsDNS1035Label,
};
