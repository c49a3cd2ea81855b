/**
 * jsonLines parses a stream of newline-delimited JSON values (a Kubernetes watch body) as it
 * arrives, yielding each value as soon as its line is complete. Chunks may split lines and UTF-8
 * characters anywhere; blank lines are skipped; a last line without a newline is parsed when the
 * stream ends. Invalid UTF-8 or JSON throws a `SyntaxError` naming the offending line (cut to 200
 * characters).
 */
export async function* jsonLines(body: AsyncIterable<Uint8Array>): AsyncGenerator<unknown, void, undefined> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  for await (const chunk of body) {
    // Only the new text can hold the next newline: never rescan what is already pending.
    let searchFrom = pending.length;
    pending += decode(decoder, chunk);
    let start = 0;
    for (let end = pending.indexOf('\n', searchFrom); end !== -1; end = pending.indexOf('\n', searchFrom)) {
      const line = pending.slice(start, end);
      start = end + 1;
      searchFrom = start;
      if (line.trim() !== '') yield parseLine(line);
    }
    pending = pending.slice(start);
  }
  pending += decode(decoder);
  if (pending.trim() !== '') yield parseLine(pending);
}

function decode(decoder: InstanceType<typeof TextDecoder>, chunk?: Uint8Array): string {
  try {
    return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
  } catch (err) {
    throw new SyntaxError(`invalid UTF-8 in a JSON stream: ${(err as Error).message}`, { cause: err });
  }
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch (err) {
    const shown = line.length > 200 ? `${line.slice(0, 200)}…` : line;
    throw new SyntaxError(`invalid JSON in a JSON stream: ${(err as Error).message}: ${shown}`, {
      cause: err,
    });
  }
}
