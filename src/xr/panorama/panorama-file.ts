const files = new Map<string, Promise<Blob>>()

/**
 * A panorama's file, fetched once per page (a fetch, not an <img>: a Blob decodes off the main
 * thread, panorama-part.ts). On a cold start the server's preload header has it on its way
 * already (scenes/panorama-preloads.ts), and this request takes that response rather than
 * starting a second one.
 */
export function panoramaFile(src: string): Promise<Blob> {
  let file = files.get(src)
  if (!file) {
    file = fetch(src).then((response) => {
      if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`)
      return response.blob()
    })
    files.set(src, file)
    // A failed start is retried on the next ask.
    file.catch(() => files.delete(src))
  }
  return file
}
