import type { KeyValue } from '@capstan/core';
import type { IKeyValue } from 'etcd3';

/** toKeyValue converts an etcd key-value (bytes and decimal-string revisions) to a {@link KeyValue}. */
export function toKeyValue(kv: IKeyValue): KeyValue {
  return {
    key: kv.key.toString('utf8'),
    value: kv.value.toString('utf8'),
    createRevision: Number(kv.create_revision),
    modRevision: Number(kv.mod_revision),
  };
}
