import type { ResourceType } from '@capstan/core';
import type { JsonObject } from '../patch/json-value.js';
import { encodeWatchEventFrame } from '../protobuf/watch-event-frame.js';
import { encodeWatchEvent, type WatchEvent } from '../watch-cache/watch-event.js';
import { convertForOutput } from './output-conversion.js';
import type { OutputFormat } from './output-format.js';

const encoder = new TextEncoder();
/** JSON lines of events the watch cache shares between watchers, encoded once. */
const jsonLines = new WeakMap<object, Uint8Array>();

/**
 * watchEncoder returns the function that writes each event of one watch in `format`:
 * - JSON: one `{"type":…,"object":…}` line per event, encoded once per event however many
 *   watchers receive it;
 * - Table: the same lines with each object converted to a one-row Table, column definitions on
 *   the first object event only (as Kubernetes), bookmarks as an empty Table carrying the
 *   resourceVersion, errors as the Status;
 * - PartialObjectMetadata: the same lines with each object (bookmarks too) reduced to its metadata;
 * - protobuf: one length-prefixed `WatchEvent` frame per event.
 * The returned function keeps the per-watch state (whether headers were sent); `clock` dates Table ages.
 */
export function watchEncoder(
  format: OutputFormat,
  type: ResourceType,
  clock: () => Date,
): (event: WatchEvent) => Uint8Array {
  if (format.kind === 'protobuf') {
    return (event) =>
      encodeWatchEventFrame({ type: event.type, object: event.object as unknown as JsonObject });
  }
  if (format.kind === 'table' || format.kind === 'partial') {
    let headersSent = false;
    return (event) => {
      let object: unknown = event.object;
      if (event.type === 'BOOKMARK' && format.kind === 'table') {
        object = convertForOutput(format, type, {
          items: [],
          metadata: { resourceVersion: event.object.metadata.resourceVersion },
        });
      } else if (event.type !== 'ERROR') {
        object = convertForOutput(format, type, event.object, { noHeaders: headersSent, now: clock() });
        headersSent = true;
      }
      return encoder.encode(`${JSON.stringify({ type: event.type, object })}\n`);
    };
  }
  return (event) => {
    let line = jsonLines.get(event);
    if (line === undefined) {
      line = encoder.encode(`${encodeWatchEvent(event)}\n`);
      jsonLines.set(event, line);
    }
    return line;
  };
}
