import { DEG } from '../../domain/scenes/angles.ts'
import type { PanoramaPart } from './panorama-part.ts'
import { PANORAMA_FIRST_FRAME_MARK } from './stage-view.ts'

/**
 * The panorama's first frame without three.js: a few lines of raw WebGL that draw the
 * equirectangular image for a camera (vertical field of view in degrees, yaw in degrees, pitch
 * 0) as soon as the image is decoded, while the full 3D stack (three, r3f, XR) is still loading.
 * Pannellum and Marzipano are fast for the same reason: no framework before the first frame.
 * It uses the same mapping as PanoramaSphere (u = 0.5 straight ahead, yaw to the right), so the
 * hand-over to the full stage does not jump.
 *
 * The image is decoded off the main thread and only the part the view can show is uploaded, at
 * full resolution (panorama-part.ts).
 */
const VERTEX = `attribute vec2 p; varying vec2 v; void main() { v = p; gl_Position = vec4(p, 0.0, 1.0); }`
// `part` is the uploaded rectangle in image texture coordinates (u0, v0, width, height).
const FRAGMENT = `precision highp float;
varying vec2 v; uniform sampler2D img; uniform vec4 part;
uniform float tanHalfFov; uniform float aspect; uniform float yaw;
void main() {
  vec3 d = normalize(vec3(v.x * tanHalfFov * aspect, v.y * tanHalfFov, -1.0));
  float c = cos(yaw); float s = sin(yaw);
  d = vec3(c * d.x - s * d.z, d.y, s * d.x + c * d.z);
  float lon = atan(d.x, -d.z);
  float lat = asin(clamp(d.y, -1.0, 1.0));
  vec2 uv = vec2(lon / 6.2831853 + 0.5, 0.5 - lat / 3.1415927);
  gl_FragColor = texture2D(img, (uv - part.xy) / part.zw);
}`

/** A camera for the first frame: vertical field of view and heading, degrees (pitch is 0). */
export interface PanoramaView {
  readonly fovDeg: number
  readonly yawDeg: number
}

/** One uploaded panorama part in one canvas: redraws for a new canvas size cost no new upload. */
export interface PanoramaPainter {
  /** Uploads a (new) part; the bitmap is closed once uploaded. */
  upload(part: PanoramaPart): void
  /** Sizes the canvas to its CSS box (device pixels, at most 2×) and draws the view. */
  draw(view: PanoramaView): void
  /** Frees the texture and the context at once, rather than when the canvas is collected. */
  dispose(): void
}

function compile(gl: WebGLRenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type)
  if (!shader) throw new Error('WebGL: no shader')
  gl.shaderSource(shader, source)
  gl.compileShader(shader)
  return shader
}

/**
 * Compiles the two shaders in `canvas`'s WebGL context. Returns null when WebGL is unavailable
 * (the full stage then simply draws the first frame itself).
 */
export function createPanoramaPainter(canvas: HTMLCanvasElement): PanoramaPainter | null {
  // preserveDrawingBuffer: the canvas keeps its frame while it waits for the stage, and when it
  // is moved in the document (the early canvas is adopted by the VR screen).
  const gl = canvas.getContext('webgl', { antialias: false, preserveDrawingBuffer: true })
  if (!gl) return null
  const program = gl.createProgram()
  gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VERTEX))
  gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, FRAGMENT))
  gl.linkProgram(program)
  // biome-ignore lint/correctness/useHookAtTopLevel: WebGL's useProgram, not a React hook
  gl.useProgram(program)
  gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer())
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 3, -1, -1, 3]), gl.STATIC_DRAW)
  const p = gl.getAttribLocation(program, 'p')
  gl.enableVertexAttribArray(p)
  gl.vertexAttribPointer(p, 2, gl.FLOAT, false, 0, 0)
  const texture = gl.createTexture()
  gl.bindTexture(gl.TEXTURE_2D, texture)
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR)
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE)
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE)
  const part = gl.getUniformLocation(program, 'part')
  const tanHalfFov = gl.getUniformLocation(program, 'tanHalfFov')
  const aspect = gl.getUniformLocation(program, 'aspect')
  const yaw = gl.getUniformLocation(program, 'yaw')
  return {
    upload({ bitmap, rect, image }) {
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGB, gl.RGB, gl.UNSIGNED_BYTE, bitmap)
      bitmap.close()
      gl.uniform4f(
        part,
        rect.x / image.widthPx,
        rect.y / image.heightPx,
        rect.width / image.widthPx,
        rect.height / image.heightPx,
      )
    },
    draw(view) {
      const dpr = Math.min(window.devicePixelRatio || 1, 2)
      const width = Math.max(1, Math.round(canvas.clientWidth * dpr))
      const height = Math.max(1, Math.round(canvas.clientHeight * dpr))
      // A new size clears the canvas; the draw below fills it again in the same task.
      if (canvas.width !== width) canvas.width = width
      if (canvas.height !== height) canvas.height = height
      gl.viewport(0, 0, width, height)
      gl.uniform1f(tanHalfFov, Math.tan((view.fovDeg / 2) * DEG))
      gl.uniform1f(aspect, width / height)
      gl.uniform1f(yaw, view.yawDeg * DEG)
      gl.drawArrays(gl.TRIANGLES, 0, 3)
    },
    dispose() {
      gl.deleteTexture(texture)
      gl.getExtension('WEBGL_lose_context')?.loseContext()
    },
  }
}

/**
 * Marks the first panorama frame once per page, one animation frame after the draw that showed
 * it (the frame is then on its way to the screen, as the peers' marks are), and settles then.
 * Later paints of the same page (the adopted canvas, a second scene) do not move it.
 */
export function markFirstPanoramaFrame(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      if (performance.getEntriesByName(PANORAMA_FIRST_FRAME_MARK).length === 0)
        performance.mark(PANORAMA_FIRST_FRAME_MARK)
      resolve()
    }),
  )
}
