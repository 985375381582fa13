import { usePreferences } from '../../i18n/i18n.tsx'

/**
 * Strings of the passport (红色足迹) screen only, loaded with it rather than on every screen.
 * zh-CN is the source; en must have every key.
 */
const zhCN = {
  passportTitle: '红色足迹',
  passportIntro: '你在各条路线上的打卡、学习与测验成绩。都保存在这台设备上，联网后会同步。',
  passportIntroLoggedOut:
    '你在各条路线上的打卡、学习与测验成绩。都保存在这台设备上；登录后，联网时会同步到服务器。',
  passportLogInToSync: '登录后同步',
  passportName: '姓名',
  passportNamePlaceholder: '请输入姓名',
  passportSaveName: '保存姓名',
  passportRoutes: '路线打卡',
  passportStamps: (n: number, total: number) => `已到 ${n}/${total} 站`,
  passportNotStamped: '未打卡',
  passportAttended: '带教老师确认到场',
  passportLessons: '现场教学',
  passportNoLessons: '还没有完成的学习。',
  passportLessonDone: (score: string) => `已完成 · 最高 ${score}`,
  passportLessonAttempts: (n: number) => `测验 ${n} 次`,
  passportLessonInProgress: '学习中',
  passportLessonBest: (score: string) => `最高 ${score}`,
  passportLessonNotPassed: '测验未通过（作答机会已用完）',
  passportVrDone: '已完成 · 党建VR中心',
  passportData: '数据状态',
  passportPending: (n: number) => `${n} 条记录等待同步`,
  passportAllSynced: '没有等待同步的记录',
  passportParked: (n: number) => `${n} 条记录需要处理`,
  passportLastSync: (when: string) => `上次同步：${when}`,
  passportNotYetSynced: '尚未同步（联网后自动进行）',
  passportNotLoggedIn: '尚未登录，记录只保存在这台设备上',
  parkedReason: (reason: string) => `服务器未接收：${reason}。请联系带教老师处理，记录仍保存在本机。`,
  importBackup: '导入备份文件',
  importDone: (n: number) => `已导入 ${n} 条记录，会在联网后同步。`,
  importNone: '文件里没有可导入的新记录（可能已经导入过，或属于另一位学员）。',
  importBad: '这不是红途的备份文件，没有导入任何记录。',
  importBeforeLoginQuestion: (n: number) =>
    `文件里有 ${n} 条登录前在手机上保存的记录（没有登录时打卡、学习留下的）。这些是你的吗？是的话会加入你的账号并同步。`,
  importBeforeLoginYes: '是我的，加入我的账号',
  importBeforeLoginNo: '不是我的，不导入这些',
  passportOldest: (when: string) => `最早的未同步记录：${when}`,
  passportStale: '有记录超过 3 天没有同步。部分浏览器会清除长期未同步的数据：请尽快联网同步，或先导出备份。',
  passportPersisted: '存储：已设为持久保存，浏览器不会自动清除。',
  passportNotPersisted:
    '存储：浏览器未允许持久保存，空间紧张时可能清除未同步的记录。请尽快联网同步，或导出备份。',
  passportPersistUnsupported: '存储：这个浏览器不支持持久保存，请尽快联网同步或导出备份。',
  passportRequestPersist: '申请持久保存',
  passportUsage: (used: string, quota: string) => `已用 ${used}，可用上限 ${quota}`,
  passportExport: '导出未同步记录',
  passportRecords: (n: number) => `共 ${n} 条记录`,
}

export type PassportStrings = typeof zhCN

const en: PassportStrings = {
  passportTitle: 'My passport',
  passportIntro:
    'Your check-ins, lessons and quiz scores on each route. Kept on this device and synced when online.',
  passportIntroLoggedOut:
    'Your check-ins, lessons and quiz scores on each route. Kept on this device; once you log in, they are synced to the server when online.',
  passportLogInToSync: 'Log in to sync',
  passportName: 'Name',
  passportNamePlaceholder: 'Your name',
  passportSaveName: 'Save name',
  passportRoutes: 'Check-ins by route',
  passportStamps: (n: number, total: number) => `${n} of ${total} stops`,
  passportNotStamped: 'not yet',
  passportAttended: 'presence confirmed by the trainer',
  passportLessons: 'Lessons',
  passportNoLessons: 'No lessons completed yet.',
  passportLessonDone: (score: string) => `completed · best ${score}`,
  passportLessonAttempts: (n: number) => `${n} quiz attempt${n === 1 ? '' : 's'}`,
  passportLessonInProgress: 'in progress',
  passportLessonBest: (score: string) => `best ${score}`,
  passportLessonNotPassed: 'quiz not passed (no attempts left)',
  passportVrDone: 'completed · party-building VR centre',
  passportData: 'Your data',
  passportPending: (n: number) => `${n} record${n === 1 ? '' : 's'} waiting to sync`,
  passportAllSynced: 'Nothing waiting to sync',
  passportParked: (n: number) => `${n} record${n === 1 ? '' : 's'} need attention`,
  passportLastSync: (when: string) => `Last sync: ${when}`,
  passportNotYetSynced: 'Not yet synced (it happens by itself when online)',
  passportNotLoggedIn: 'Not logged in; records stay on this device',
  parkedReason: (reason: string) =>
    `Refused by the server: ${reason}. Ask your trainer; the record is kept on this device.`,
  importBackup: 'Import a backup file',
  importDone: (n: number) => `${n} records imported; they sync when online.`,
  importNone: 'The file holds no new records to import (already imported, or another member’s).',
  importBad: 'This is not a Hongtu backup file; nothing was imported.',
  importBeforeLoginQuestion: (n: number) =>
    `The file holds ${n} records saved on a phone before logging in (check-ins and study done while not logged in). Are they yours? If so they are added to your account and synced.`,
  importBeforeLoginYes: 'Yes, add them to my account',
  importBeforeLoginNo: 'No, leave them out',
  passportOldest: (when: string) => `Oldest unsynced record: ${when}`,
  passportStale:
    'Some records have not synced for more than 3 days. Some browsers clear data left unsynced for long: connect and sync soon, or export a backup first.',
  passportPersisted: 'Storage: persistent; the browser will not clear it on its own.',
  passportNotPersisted:
    'Storage: the browser has not allowed persistent storage and may clear unsynced records when space runs low. Sync soon, or export a backup.',
  passportPersistUnsupported:
    'Storage: this browser cannot keep data persistently; sync soon or export a backup.',
  passportRequestPersist: 'Ask for persistent storage',
  passportUsage: (used: string, quota: string) => `${used} used of ${quota}`,
  passportExport: 'Export unsynced records',
  passportRecords: (n: number) => `${n} record${n === 1 ? '' : 's'} in all`,
}

export function usePassportStrings(): PassportStrings {
  return usePreferences().prefs.lang === 'en' ? en : zhCN
}
