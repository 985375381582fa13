import { describe, expect, it } from 'vitest'
import { imageDecodeSides } from './decode.ts'

describe('imageDecodeSides', () => {
  it('tries small sizes first and the photo itself last, never upscaling or beyond 4096 px', () => {
    expect(imageDecodeSides(600)).toEqual([600])
    expect(imageDecodeSides(1500)).toEqual([1024, 1500])
    expect(imageDecodeSides(4032)).toEqual([1024, 2048, 4032])
    expect(imageDecodeSides(8000)).toEqual([1024, 2048, 4096])
  })
})
