import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside each text file of the build, which the
 * server sends to browsers that accept them (server/static-files.ts). Compressed once at build
 * time at the highest settings, not per request: the map's code is 1.15 MB as written, 0.31 MB
 * gzipped and less again as brotli, and on a rural 2G/3G link that is most of a first visit.
 *
 * Runs after every other plugin has finished writing (the service worker is written in the PWA
 * plugin's closeBundle), so the service worker and the content pack are compressed too.
 */
const TEXT = /\.(js|mjs|css|html|json|svg|webmanifest|txt|map|glb)$/
/** The headset emulator's chunks exist only in test builds and are never sent over a slow link. */
const SKIP = /(^|\/)assets\/xr-dev-/
/** Below this, headers outweigh what compression saves. */
const MIN_BYTES = 1024
/** A copy that saves less than this share of the file is not worth a second code path. */
const MIN_SAVING = 0.05

export function shouldPrecompress(relPath: string, bytes: number): boolean {
  const path = relPath.split(sep).join('/')
  return TEXT.test(path) && !SKIP.test(path) && bytes >= MIN_BYTES
}

const brotli = promisify(brotliCompress)
const gzipped = promisify(gzip)

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

/** Compresses every eligible file of `outDir`; returns bytes before and after (brotli), for the log. */
export async function precompressDir(outDir: string): Promise<{ files: number; raw: number; br: number }> {
  const totals = { files: 0, raw: 0, br: 0 }
  const files = (await filesUnder(outDir)).filter((f) => !f.endsWith('.br') && !f.endsWith('.gz'))
  await Promise.all(
    files.map(async (file) => {
      const { size } = await stat(file)
      if (!shouldPrecompress(relative(outDir, file), size)) return
      const body = await readFile(file)
      const [br, gz] = await Promise.all([
        brotli(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: size,
          },
        }),
        gzipped(body, { level: 9 }),
      ])
      const worth = (copy: Buffer) => copy.length <= size * (1 - MIN_SAVING)
      if (worth(br)) await writeFile(`${file}.br`, br)
      if (worth(gz)) await writeFile(`${file}.gz`, gz)
      totals.files++
      totals.raw += size
      totals.br += worth(br) ? br.length : size
    }),
  )
  return totals
}

export function precompressPlugin(): Plugin {
  let outDir = 'dist'
  return {
    name: 'hongtu-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir
    },
    closeBundle: {
      sequential: true,
      order: 'post',
      async handler() {
        const { files, raw, br } = await precompressDir(outDir)
        this.info(
          `precompressed ${files} files: ${(raw / 1024).toFixed(0)} KiB → ${(br / 1024).toFixed(0)} KiB brotli`,
        )
      },
    },
  }
}
