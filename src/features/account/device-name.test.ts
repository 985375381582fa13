import { describe, expect, it } from 'vitest'
import { deviceName } from './device-name.ts'

describe('deviceName', () => {
  it('says the server’s "browser on system" in Chinese, the system first', () => {
    expect(deviceName('Chrome on Android', 'zh-CN')).toBe('安卓手机 · Chrome')
    expect(deviceName('WeChat on iOS', 'zh-CN')).toBe('苹果手机或平板 · 微信')
    expect(deviceName('Browser on unknown system', 'zh-CN')).toBe('未知设备 · 浏览器')
  })

  it('keeps English as the server wrote it, and a label of another shape as it is', () => {
    expect(deviceName('Chrome on Android', 'en')).toBe('Chrome on Android')
    expect(deviceName('我的手机', 'zh-CN')).toBe('我的手机')
  })
})
