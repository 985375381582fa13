/**
 * Request bodies are gzipped where the platform can (CompressionStream: Chromium 80+, Safari
 * 16.4+, Node 18+): a batch of records is a tenth of its JSON size, which on a rural 750 Kbps
 * uplink is the difference between seconds and a minute. Where it cannot, JSON goes as is.
 */
export const canGzip = (): boolean => typeof CompressionStream === 'function'

export async function gzip(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}
