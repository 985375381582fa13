import type { Plugin } from 'vite'

/**
 * Builds the app's first script (src/early.ts) as an entry chunk of its own, run before the
 * app's main bundle, which it then starts itself: index.html names the early chunk as its one
 * module script and the main bundle only as a module preload (downloaded at once, evaluated when
 * early.ts imports it). On a panorama scene's page that is after the panorama decoder has
 * started, and the first frame no longer waits for the app's evaluation (a few hundred
 * milliseconds on a slow phone); on every other page at once. Vite merges every module script
 * of a page into one entry, hence a second input and the rewrite after the build. main.tsx still
 * imports early.ts first: the module is one and runs once, and a dev server (no bundle, no
 * rewrite) runs it from there.
 */
export function earlyEntryPlugin(entry: string): Plugin {
  const name = 'early'
  return {
    name: 'hongtu-early-entry',
    apply: 'build',
    config: (config) => {
      const input = config.build?.rolldownOptions?.input ?? config.build?.rollupOptions?.input
      if (input) throw new Error('hongtu-early-entry: the build already names its inputs')
      return { build: { rolldownOptions: { input: { index: 'index.html', [name]: entry } } } }
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.isEntry && c.name === name,
        )
        if (chunk?.type !== 'chunk') throw new Error(`hongtu-early-entry: no ${name} chunk`)
        const scripts = [...html.matchAll(/<script type="module" crossorigin src="([^"]+)"><\/script>/g)]
        const main = scripts[0]
        if (scripts.length !== 1 || !main) throw new Error('hongtu-early-entry: expected one module script')
        const tags = [
          // async: run as soon as it has arrived, not after the page's stylesheets.
          `<script type="module" async crossorigin src="/${chunk.fileName}"></script>`,
          ...chunk.imports.map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
          `<link rel="modulepreload" crossorigin href="${main[1]}" data-app-entry>`,
        ]
        return html.replace(main[0], tags.join('\n    '))
      },
    },
  }
}
