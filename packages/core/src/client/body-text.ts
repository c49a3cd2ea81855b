/**
 * readText reads a whole response body and decodes it as UTF-8 (invalid bytes become U+FFFD).
 * The chunks are joined once at the end, so a large list costs one copy.
 */
export async function readText(body: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    length += chunk.byteLength;
  }
  const decoder = new TextDecoder();
  if (chunks.length === 1 && chunks[0] !== undefined) return decoder.decode(chunks[0]);
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decoder.decode(joined);
}
