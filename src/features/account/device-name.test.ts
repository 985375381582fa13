import { describe, expect, it } from 'vitest'
import { deviceName } from './device-name.ts'

describe('deviceName', () => {
  it('says the server’s "browser on system" in Chinese, the system first', () => {
    expect(deviceName('Chrome on Android phone', 'zh-CN')).toBe('安卓手机 · Chrome')
    expect(deviceName('Chrome on Android tablet', 'zh-CN')).toBe('安卓平板 · Chrome')
    expect(deviceName('WeChat on iPhone', 'zh-CN')).toBe('iPhone · 微信')
    // A session from before phones and tablets were told apart.
    expect(deviceName('Chrome on Android', 'zh-CN')).toBe('安卓设备 · Chrome')
    expect(deviceName('Browser on unknown system', 'zh-CN')).toBe('未知设备 · 浏览器')
  })

  it('keeps English as the server wrote it, and a label of another shape as it is', () => {
    expect(deviceName('Chrome on Android', 'en')).toBe('Chrome on Android')
    expect(deviceName('我的手机', 'zh-CN')).toBe('我的手机')
  })
})
