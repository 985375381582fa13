import { usePreferences } from '../../i18n/i18n.tsx'

const zhCN = {
  title: '登录',
  intro:
    '登录后，你在这台设备上的打卡和学习记录会自动同步到服务器，换手机也不会丢。登录需要联网一次，之后离线也能继续记录。',
  username: '用户名（党员编号）',
  password: '密码',
  submit: '登录',
  submitting: '正在登录…',
  invalid: '用户名或密码不正确。请检查后重试；忘记密码请联系带教老师或管理员。',
  rateLimited: '尝试次数太多，请稍后再试。',
  offline: '现在连不上服务器。登录需要联网：请连接网络后再试。',
  error: (status: number) => `服务器出错（${status}），请稍后再试。`,
  loggedInAs: (name: string, username: string) => `已登录：${name}（${username}）`,
  accountOf: (name: string, username: string) => `账号：${name}（${username}）`,
  claimQuestion: (n: number) => `这台设备上有 ${n} 条登录前记下的记录（打卡、学习）。它们是你的吗？`,
  claimYes: '是，归入我的账号',
  claimNo: '不是，留在本机',
  claimed: (n: number) => `已将 ${n} 条记录归入你的账号，正在同步。`,
  restored: (n: number) => `已从服务器恢复 ${n} 条你的记录。`,
  continue: '继续',
  logout: '退出登录',
  logoutUnsynced: (n: number) => `还有 ${n} 条记录没有同步到服务器。退出登录会把它们从这台设备上删除。`,
  logoutSyncFirst: '先同步，再退出',
  logoutDiscard: (n: number) => `删除这 ${n} 条记录并退出`,
  logoutCancel: '取消',
  logoutDone: '已退出登录。你的记录都已保存在服务器上，已从这台设备上清除；再次登录即可找回。',
  logoutDoneDiscarded: (n: number) =>
    `已退出登录，没有同步的 ${n} 条记录已删除。已同步的记录保存在服务器上，再次登录即可找回。`,
  // Offline (or the server unreachable): the logout is done here, the server's part is owed.
  logoutDoneHere:
    '已在这台设备上退出登录。你的记录都已保存在服务器上，已从这台设备上清除；再次登录即可找回。现在连不上服务器，服务器上的退出会在联网后自动完成。',
  logoutDoneHereDiscarded: (n: number) =>
    `已在这台设备上退出登录，没有同步的 ${n} 条记录已删除。已同步的记录保存在服务器上，再次登录即可找回。现在连不上服务器，服务器上的退出会在联网后自动完成。`,
  logoutSyncing: '正在同步，完成后再退出…',
  logoutWaits: '记录发送完后会自动退出登录。请留在这个页面，联网后就会开始同步。',
  authRequired: '登录已过期，记录暂停同步（不会丢失）。请重新登录。',
  reLogin: '重新登录',
  reLoggedIn: '已重新登录，记录继续同步。',
  logoutNeedsLogin:
    '登录已过期，现在无法同步。请先在上面重新登录，记录同步后再退出；或者删除这些记录并退出。',
  account: '账号',
  accountLink: '我的账号（修改密码、登录的设备）',
  notLoggedIn: '尚未登录：记录只保存在这台设备上。',
}

export type AccountStrings = typeof zhCN

const en: AccountStrings = {
  title: 'Log in',
  intro:
    'Once logged in, your check-ins and lessons on this device sync to the server by themselves, and a new phone loses nothing. Logging in needs the network once; after that you can go on recording offline.',
  username: 'Username (member number)',
  password: 'Password',
  submit: 'Log in',
  submitting: 'Logging in…',
  invalid:
    'Wrong username or password. Check and try again; if you forgot the password, ask your trainer or an administrator.',
  rateLimited: 'Too many attempts. Please try again later.',
  offline: 'The server cannot be reached. Logging in needs the network: connect and try again.',
  error: (status: number) => `The server had an error (${status}). Please try again later.`,
  loggedInAs: (name: string, username: string) => `Logged in as ${name} (${username})`,
  accountOf: (name: string, username: string) => `Account: ${name} (${username})`,
  claimQuestion: (n: number) =>
    `This device holds ${n} records made before logging in (check-ins, lessons). Are they yours?`,
  claimYes: 'Yes, add them to my account',
  claimNo: 'No, keep them on this device',
  claimed: (n: number) => `${n} records added to your account; syncing now.`,
  restored: (n: number) => `${n} of your records restored from the server.`,
  continue: 'Continue',
  logout: 'Log out',
  logoutUnsynced: (n: number) =>
    `${n} records have not reached the server yet. Logging out deletes them from this device.`,
  logoutSyncFirst: 'Sync, then log out',
  logoutDiscard: (n: number) => `Delete these ${n} records and log out`,
  logoutCancel: 'Cancel',
  logoutDone:
    'Logged out. Your records are all on the server and were removed from this device; log in again to get them back.',
  logoutDoneDiscarded: (n: number) =>
    `Logged out; the ${n} records that had not synced were deleted. Synced records stay on the server: log in again to get them back.`,
  logoutDoneHere:
    'Logged out on this device. Your records are all on the server and were removed from this device; log in again to get them back. The server cannot be reached now: the logout there is finished by itself once the device is back online.',
  logoutDoneHereDiscarded: (n: number) =>
    `Logged out on this device; the ${n} records that had not synced were deleted. Synced records stay on the server: log in again to get them back. The server cannot be reached now: the logout there is finished by itself once the device is back online.`,
  logoutSyncing: 'Syncing; log out when it is done…',
  logoutWaits:
    'You will be logged out once the records are sent. Stay on this page: syncing starts as soon as there is a network.',
  authRequired: 'Your login has expired; syncing is paused (nothing is lost). Please log in again.',
  reLogin: 'Log in again',
  reLoggedIn: 'Logged in again; your records are syncing.',
  logoutNeedsLogin:
    'Your login has expired, so nothing can sync now. Log in again above and log out once your records have synced, or delete them and log out.',
  account: 'Account',
  accountLink: 'My account (password, logged-in devices)',
  notLoggedIn: 'Not logged in: records stay on this device only.',
}

export function useAccountStrings(): AccountStrings {
  return usePreferences().prefs.lang === 'en' ? en : zhCN
}
