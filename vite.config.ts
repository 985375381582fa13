import react from '@vitejs/plugin-react'
import { defineConfig, loadEnv } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { precompressPlugin } from './build/precompress-plugin.ts'
import { basemapPlugin, contentPackPlugin, leanThreeCataloguePlugin } from './build/vite-plugins.ts'
import { scenesPlugin } from './scenes/vite-plugin.ts'

const root = import.meta.dirname

/** Cache-first for the configured tile provider's host, if any (see .env.example). */
function tileProviderCaching() {
  const env = loadEnv('production', root, 'VITE_')
  const template = env.VITE_MAP_TILE_URL
  if (!template) return []
  const host = new URL(template.replace('{s}', '0').replace(/\{[xyz]\}/g, '0')).host
  return [
    {
      // A RegExp, not a closure: workbox serializes the pattern into the service worker.
      urlPattern: new RegExp(`^https?://${host.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`),
      handler: 'CacheFirst' as const,
      options: { cacheName: 'hongtu-offline-v1', cacheableResponse: { statuses: [200] } },
    },
  ]
}

/**
 * Modules of the headset emulator (iwer, and our own src/xr/emulated-headset.ts) and of
 * @react-three/xr's own emulator with its dev UI and environments: dev and test builds only.
 * @pmndrs/xr imports its emulator dynamically, so those chunks are emitted even in production,
 * unused.
 */
const XR_DEV_MODULE =
  /node_modules\/(iwer|@iwer\/|webxr-layers-polyfill|gl-matrix|@pmndrs\/handle|styled-components|stylis|@fortawesome\/|prop-types|@bufbuild\/protobuf)|@pmndrs\/xr\/dist\/emulate|src\/xr\/emulated-headset\.ts/
const isXrDevModule = (id: string) => XR_DEV_MODULE.test(id)

export default defineConfig({
  plugins: [
    react(),
    contentPackPlugin(root),
    basemapPlugin(),
    scenesPlugin(root),
    leanThreeCataloguePlugin(root),
    VitePWA({
      // Never reload by itself: a new version waits until the member accepts (UpdatePrompt).
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: '红途 · 红色教育现场教学',
        short_name: '红途',
        description: '红色教育基地精品路线、现场教学与打卡，离线可用。',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#fffaf3',
        theme_color: '#b0121b',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The shell, the content pack and the map code (its worker is an .mjs file).
        globPatterns: [
          '**/*.{js,mjs,css,html,svg,png,json,woff,webmanifest}',
          // VR: panoramas, the Quest controller models and the hands (any headset, controllers
          // put down) work offline from the first visit.
          'xr/panoramas/*.{jpg,jpeg,webp}',
          'xr/profiles/meta-quest-touch-plus/*.glb',
          'xr/profiles/generic-hand/*.glb',
        ],
        // XR: the headset emulator (iwer and @iwer/*, in test builds only) and the environments
        // @react-three/xr emits for its own emulator are dev tools, never precached (DESIGN.md).
        // The vendor chunks are named in build.rolldownOptions below; tests/e2e/vr-build.spec.ts
        // checks dist/sw.js.
        globIgnores: ['**/xr-dev-*'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // Files a member downloaded for a route (src/platform/offline-download.ts) are served
        // from that cache first; tiles of a configured provider too.
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/media/'),
            handler: 'CacheFirst',
            options: { cacheName: 'hongtu-offline-v1' },
          },
          // The VR classroom's panoramas and controller models, cached when a scene first uses them.
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/xr/'),
            handler: 'CacheFirst',
            options: { cacheName: 'hongtu-xr-v1' },
          },
          ...tileProviderCaching(),
        ],
        // The first install takes control at once so the first visit is already offline-ready;
        // updates still wait for the member (no skipWaiting).
        clientsClaim: true,
      },
    }),
    // Last: compresses what every plugin above wrote, the service worker included.
    precompressPlugin(),
  ],
  resolve: {
    alias: [
      // The service worker's page-side helper as modern code: its package's default entry is
      // the ES5 build (2.3 KB gzip against 1.4 KB), on every screen, for browsers we build for
      // with es2022 anyway.
      { find: /^workbox-window$/, replacement: 'workbox-window/build/workbox-window.prod.mjs' },
    ],
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Dev-only XR code gets a recognisable name so the precache can leave it out.
        chunkFileNames: (chunk) =>
          chunk.moduleIds.length > 0 && chunk.moduleIds.every(isXrDevModule)
            ? 'assets/xr-dev-[name]-[hash].js'
            : 'assets/[name]-[hash].js',
      },
    },
  },
  server: { port: 5173 },
})
