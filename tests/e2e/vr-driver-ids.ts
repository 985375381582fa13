/** The VR scenes the tests visit (shared by e2e and unit tests, so adding a scene updates both). */
export const SCENE_IDS = ['huining-huishi', 'yanan-yaodong', 'oath-hall', 'panorama-sample'] as const
