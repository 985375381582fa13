import { describe, expect, it } from 'vitest'
import { rosterNoteText, type TrainerStrings, trainerStringsFor } from './strings.ts'

const zhCN = trainerStringsFor('zh-CN')
const en = trainerStringsFor('en')

const says = (s: TrainerStrings, note: Parameters<typeof rosterNoteText>[1]) => rosterNoteText(s, note)

describe('rosterNoteText', () => {
  it('says a roster problem in Chinese from its code, naming the column', () => {
    expect(
      says(zhCN, {
        line: 3,
        code: 'empty_cell',
        column: 'name',
        values: {},
        message: 'is empty',
      }),
    ).toBe('第 3 行：“姓名”为空。')
    expect(
      says(zhCN, {
        line: 5,
        code: 'repeated_member_number',
        column: 'member_number',
        values: { firstLine: 3 },
        message: 'repeats line 3',
      }),
    ).toBe('第 5 行：“党员编号”与第 3 行重复。')
    expect(
      says(zhCN, {
        line: 2,
        code: 'branch_differs',
        column: 'branch',
        values: { accountBranch: '延安市直机关第二党支部' },
        message: "the account's branch is 延安市直机关第二党支部",
      }),
    ).toBe('第 2 行：“党支部”与账号登记的党支部（延安市直机关第二党支部）不同。')
  })

  it('says it in English, still naming the column', () => {
    expect(
      says(en, {
        line: 2,
        code: 'unknown_member_number',
        column: 'member_number',
        values: {},
        message: 'no account has this member number; an admin imports new members first',
      }),
    ).toMatch(/^Line 2: No account has this “member number \(党员编号\)”/)
  })

  it('falls back to the server’s words for an unknown code or a note without one', () => {
    expect(says(zhCN, { line: 4, message: 'is empty' })).toBe('第 4 行：服务器提示：is empty')
    expect(says(zhCN, { line: 4, code: 'toString', column: 'name', message: 'x' })).toBe(
      '第 4 行：服务器提示：x',
    )
    // A column code that needs a column but got none.
    expect(says(zhCN, { line: 4, code: 'empty_cell', column: '', message: 'is empty' })).toBe(
      '第 4 行：服务器提示：is empty',
    )
  })
})
