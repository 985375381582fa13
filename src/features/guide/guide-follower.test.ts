import { describe, expect, it } from 'vitest'
import { rememberedAfter } from './guide-follower.ts'

describe('rememberedAfter', () => {
  it('keeps the newest seq followed when an older command is replayed and followed again', () => {
    // Opening the app replays the pause (seq 4) after the look (seq 5) was followed.
    expect(rememberedAfter({ followed: 5, dismissed: 0 }, { followed: 4 })).toEqual({
      followed: 5,
      dismissed: 0,
    })
  })

  it('moves forward on a newer command, and keeps what was dismissed', () => {
    expect(rememberedAfter({ followed: 5, dismissed: 5 }, { followed: 6 })).toEqual({
      followed: 6,
      dismissed: 5,
    })
    expect(rememberedAfter({ followed: 6, dismissed: 5 }, { dismissed: 3 })).toEqual({
      followed: 6,
      dismissed: 5,
    })
  })
})
