import { DEG } from '../../domain/scenes/angles.ts'

/**
 * The panorama's first frame without three.js: a few lines of raw WebGL that draw the
 * equirectangular image for a camera (vertical field of view in degrees, yaw in degrees, pitch
 * 0) as soon as the image is decoded, while the full 3D stack (three, r3f, XR) is still loading.
 * Pannellum and Marzipano are fast for the same reason: no framework before the first frame.
 * It uses the same mapping as PanoramaSphere (u = 0.5 straight ahead, yaw to the right), so the
 * hand-over to the full stage does not jump.
 */
const VERTEX = `attribute vec2 p; varying vec2 v; void main() { v = p; gl_Position = vec4(p, 0.0, 1.0); }`
const FRAGMENT = `precision highp float;
varying vec2 v; uniform sampler2D img; uniform float tanHalfFov; uniform float aspect; uniform float yaw;
void main() {
  vec3 d = normalize(vec3(v.x * tanHalfFov * aspect, v.y * tanHalfFov, -1.0));
  float c = cos(yaw); float s = sin(yaw);
  d = vec3(c * d.x - s * d.z, d.y, s * d.x + c * d.z);
  float lon = atan(d.x, -d.z);
  float lat = asin(clamp(d.y, -1.0, 1.0));
  gl_FragColor = texture2D(img, vec2(lon / 6.2831853 + 0.5, 0.5 - lat / 3.1415927));
}`

function compile(gl: WebGLRenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type)
  if (!shader) throw new Error('WebGL: no shader')
  gl.shaderSource(shader, source)
  gl.compileShader(shader)
  return shader
}

/** Loads the image (decoding it off the main thread) and starts the download at once. */
export function preloadPanorama(src: string): Promise<HTMLImageElement> {
  const img = new Image()
  img.decoding = 'async'
  img.src = src
  return img.decode().then(() => img)
}

/**
 * Draws one frame into `canvas`. Returns false when WebGL is unavailable (the full stage then
 * simply draws the first frame itself).
 */
export function paintPanoramaFrame(
  canvas: HTMLCanvasElement,
  img: HTMLImageElement,
  view: { fovDeg: number; yawDeg: number },
): boolean {
  const gl = canvas.getContext('webgl', { antialias: false, preserveDrawingBuffer: true })
  if (!gl) return false
  const dpr = Math.min(window.devicePixelRatio || 1, 2)
  canvas.width = Math.round(canvas.clientWidth * dpr)
  canvas.height = Math.round(canvas.clientHeight * dpr)
  gl.viewport(0, 0, canvas.width, canvas.height)
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
  gl.bindTexture(gl.TEXTURE_2D, gl.createTexture())
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR)
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE)
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE)
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGB, gl.RGB, gl.UNSIGNED_BYTE, img)
  gl.uniform1f(gl.getUniformLocation(program, 'tanHalfFov'), Math.tan((view.fovDeg / 2) * DEG))
  gl.uniform1f(gl.getUniformLocation(program, 'aspect'), canvas.width / canvas.height)
  gl.uniform1f(gl.getUniformLocation(program, 'yaw'), view.yawDeg * DEG)
  gl.drawArrays(gl.TRIANGLES, 0, 3)
  return true
}
