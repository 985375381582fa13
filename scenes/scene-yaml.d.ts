/** Scene files are validated and turned into JSON modules by scenes/vite-plugin.ts. */
declare module '*/scene.yaml' {
  const scene: import('../src/domain/scenes/schema.ts').SceneFile
  export default scene
}
