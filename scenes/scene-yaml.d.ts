/** Scene files are validated and turned into JSON modules by scenes/vite-plugin.ts. */
declare module '*/scene.yaml' {
  const scene: import('../src/domain/scenes/schema.ts').SceneFile
  export default scene
}

/** Panorama image URLs by scene id, made by scenes/vite-plugin.ts (src/xr/panorama/early-load.ts). */
declare module 'virtual:hongtu-panorama-sources' {
  const sources: Readonly<Record<string, string>>
  export default sources
}
