/** Scene files are validated and turned into JSON modules by scenes/vite-plugin.ts. */
declare module '*/scene.yaml' {
  const scene: import('../src/domain/scenes/schema.ts').SceneFile
  export default scene
}

/**
 * Per panorama scene id: its image URL and the heading (degrees) its spawn faces, made by
 * scenes/vite-plugin.ts for the early first frame (src/xr/panorama/early-load.ts).
 */
declare module 'virtual:hongtu-panorama-sources' {
  const panoramas: Readonly<Record<string, { readonly src: string; readonly yawDeg: number }>>
  export default panoramas
}
