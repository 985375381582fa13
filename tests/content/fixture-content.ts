import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/**
 * A small, valid content tree (one route, two sites, two lessons) written as real files, so
 * tests can break one thing at a time and check the message the author would see.
 */

const quiz = (site: string) => `quiz:
  passMark: 0.6
  maxAttempts: 3
  questions:
    - id: q1
      kind: single
      prompt: { zh: ${site} 问题一 }
      choices:
        - { id: a, text: { zh: 甲 } }
        - { id: b, text: { zh: 乙 } }
      answer: a
      explanation: { zh: 因为甲。 }
    - id: q2
      kind: multiple
      prompt: { zh: 问题二 }
      choices:
        - { id: a, text: { zh: 甲 } }
        - { id: b, text: { zh: 乙 } }
        - { id: c, text: { zh: 丙 } }
      answer: [a, c]
      explanation: { zh: 甲和丙。 }
    - { id: q3, kind: truefalse, prompt: { zh: 问题三 }, answer: true, explanation: { zh: 对。 } }
    - { id: q4, kind: truefalse, prompt: { zh: 问题四 }, answer: false, explanation: { zh: 错。 } }
    - { id: q5, kind: single, prompt: { zh: 问题五 }, choices: [{ id: a, text: { zh: 甲 } }, { id: b, text: { zh: 乙 } }, { id: c, text: { zh: 丙 } }, { id: d, text: { zh: 丁 } }], answer: c, explanation: { zh: 丙。 } }
`

const lesson = (site: string) => `id: ${site}-lesson
site: ${site}
title: { zh: ${site} 现场教学 }
modes: [onsite, remote]
durationMin: 40
objectives:
  - { zh: 了解历史 }
steps:
  - kind: text
    body: { zh: 第一段。 }
  - kind: text
    body: { zh: 第二段。 }
  - kind: discussion
    prompt: { zh: 谈谈体会。 }
keyFacts:
  - { zh: 事实一 }
  - { zh: 事实二 }
  - { zh: 事实三 }
${quiz(site)}`

const history = '这里是一段足够长的历史叙述，用于测试内容校验。'.repeat(6)

const site = (id: string, lng: number, lat: number) => `---
id: ${id}
name: { zh: ${id} 旧址 }
region: { zh: 测试市 }
location: { lng: ${lng}, lat: ${lat} }
locationSource: { method: "test fixture, not a real place", confidenceM: 50 }
checkin: { radiusM: 150, maxAccuracyM: 100 }
summary: { zh: 简介。 }
lessons: [${id}-lesson]
---
## 历史沿革
${history}
`

const route = `id: test-route
title: { zh: 测试路线 }
region: { zh: 测试市 }
summary: { zh: 简介。 }
days: 1
stops:
  - { site: zaoyuan, day: 1 }
  - { site: yangjialing, day: 1 }
`

export type ContentFiles = Record<string, string>

export function validContentFiles(): ContentFiles {
  return {
    'routes-data/sites/zaoyuan.md': site('zaoyuan', 109.4336, 36.6335),
    'routes-data/sites/yangjialing.md': site('yangjialing', 109.4636, 36.6125),
    'routes-data/lessons/zaoyuan-lesson.yaml': lesson('zaoyuan'),
    'routes-data/lessons/yangjialing-lesson.yaml': lesson('yangjialing'),
    'routes-data/routes/test-route.yaml': route,
  }
}

/** Writes the files into a fresh temporary project root and returns its path. */
export function writeContentTree(files: ContentFiles): string {
  const root = mkdtempSync(join(tmpdir(), 'hongtu-content-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}
