import { describe, expect, it } from 'vitest'
import { cameraErrorKind } from './camera-errors.ts'

describe('cameraErrorKind', () => {
  it('tells refusal, a missing or busy camera and everything else apart', () => {
    expect(cameraErrorKind(new DOMException('', 'NotAllowedError'))).toBe('denied')
    expect(cameraErrorKind(new DOMException('', 'SecurityError'))).toBe('denied')
    expect(cameraErrorKind(new DOMException('', 'NotFoundError'))).toBe('no-camera')
    expect(cameraErrorKind(new DOMException('', 'OverconstrainedError'))).toBe('no-camera')
    expect(cameraErrorKind(new DOMException('', 'NotReadableError'))).toBe('no-camera')
    expect(cameraErrorKind(new TypeError('getUserMedia is not a function'))).toBe('unsupported')
    expect(cameraErrorKind('weird')).toBe('unsupported')
  })
})
