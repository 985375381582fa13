/**
 * The few numbers the first frame shares with the stage and the bench, in a module of their own
 * so that the app's first script and the VR screen can read them without the painter's code.
 */

/**
 * The stage camera's vertical field of view, degrees (XrStage's <Canvas camera>): the first frame
 * uses the same, so the stage takes over without a jump.
 */
export const STAGE_FOV_DEG = 70

/** The performance mark the bench reads for "first panorama frame" (bench/vr-panorama.ts). */
export const PANORAMA_FIRST_FRAME_MARK = 'hongtu:panorama-first-frame'
