import { usePreferences } from '../../i18n/i18n.tsx'

/**
 * Strings of "my account" (/account): the password and the devices logged in. Apart from the
 * login's strings, so the login screen does not carry them. zh-CN is the source; en must have
 * every key (the type checks it).
 */

type Role = 'member' | 'trainer' | 'admin'
const ROLE_ZH: Record<Role, string> = { member: '学员', trainer: '带教老师', admin: '管理员' }
const ROLE_EN: Record<Role, string> = { member: 'Member', trainer: 'Trainer', admin: 'Administrator' }

const zhCN = {
  title: '我的账号',
  notLoggedIn: '这个页面显示你的账号。请先登录。',
  logIn: '登录',
  name: '姓名',
  username: '用户名',
  role: '角色',
  roleName: (role: Role) => ROLE_ZH[role],
  branch: '党支部',
  noBranch: '无',
  manageAccounts: '管理全部账号（导入花名册、重置密码）',

  passwordTitle: '修改密码',
  passwordIntro:
    '管理员或带教老师发给你的初始密码，建议改成你自己记得住的密码。修改后，其他设备需要用新密码重新登录。',
  currentPassword: '当前密码',
  newPassword: '新密码',
  newPasswordHint: (min: number) => `至少 ${min} 个字符，可以用字母、数字和符号。`,
  confirmPassword: '再输一次新密码',
  showPasswords: '显示密码',
  changePassword: '修改密码',
  changingPassword: '正在修改…',
  passwordChanged: (others: number) =>
    others === 0 ? '密码已修改。' : `密码已修改。其他 ${others} 台设备已退出登录，需要用新密码重新登录。`,
  enterCurrent: '请输入当前密码。',
  wrongCurrent: '当前密码不对。请再试一次；忘记密码请联系管理员重置。',
  tooShort: (min: number) => `新密码太短：至少 ${min} 个字符。`,
  sameAsCurrent: '新密码与当前密码相同，请换一个。',
  mismatch: '两次输入的新密码不一样，请重新输入。',
  tooMany: '输错次数太多，请过一会儿再试。',
  needsOnline: '现在连不上服务器。修改密码需要联网，请联网后再试。',
  loggedOut: '登录已过期，请重新登录后再修改密码。',
  serverError: (status: number) => `服务器出错（${status}），请稍后再试。`,
  serverSays: (message: string) => `服务器拒绝了：${message}`,

  devicesTitle: '登录的设备',
  devicesIntro: '手机丢了或借给了别人？在这里让那台设备退出登录。',
  thisDevice: '（本机）',
  lastSeen: (ago: string) => `最近使用 ${ago}`,
  loggedInOn: (when: string) => `登录于 ${when}`,
  endSessionShort: '让它退出登录',
  endSessionQuestion: (label: string) =>
    `让“${label}”退出登录？那台设备上还没同步的记录不会删除，在那台设备上重新登录后会继续同步。`,
  endSessionYes: '确定退出',
  endSessionWorking: '正在退出…',
  cancel: '取消',
  sessionEnded: (label: string) => `“${label}”已退出登录。`,
  sessionEndOffline: (label: string) =>
    `没能让“${label}”退出登录：现在连不上服务器。那台设备仍然登录着，请联网后再试。`,
  sessionEndFailed: (label: string) => `没能让“${label}”退出登录。`,
  devicesNeedOnline: '现在离线，看不到登录的设备。联网后再打开这个页面。',
  thisDeviceLoggedOut:
    '这台设备已经退出登录（也许是在别的设备上让它退出、改了密码，或者管理员让它退出了）。请重新登录。',
  logInAgain: '重新登录',
  ownLogoutTitle: '在这台设备上退出',
  loading: '正在加载…',
  retry: '重试',
}

export type AccountScreenStrings = typeof zhCN

const en: AccountScreenStrings = {
  title: 'My account',
  notLoggedIn: 'This page shows your account. Please log in first.',
  logIn: 'Log in',
  name: 'Name',
  username: 'Username',
  role: 'Role',
  roleName: (role: Role) => ROLE_EN[role],
  branch: 'Party branch',
  noBranch: 'None',
  manageAccounts: 'Manage all accounts (import a roster, reset passwords)',

  passwordTitle: 'Change password',
  passwordIntro:
    'Change the initial password you were given to one you can remember. Other devices then need the new password to log in again.',
  currentPassword: 'Current password',
  newPassword: 'New password',
  newPasswordHint: (min: number) => `At least ${min} characters: letters, digits and symbols are all fine.`,
  confirmPassword: 'New password again',
  showPasswords: 'Show passwords',
  changePassword: 'Change password',
  changingPassword: 'Changing…',
  passwordChanged: (others: number) =>
    others === 0
      ? 'Password changed.'
      : `Password changed. ${others} other device${others === 1 ? ' was' : 's were'} logged out and need${others === 1 ? 's' : ''} the new password.`,
  enterCurrent: 'Type your current password.',
  wrongCurrent:
    'The current password is not right. Try again; if you forgot it, ask an administrator to reset it.',
  tooShort: (min: number) => `The new password is too short: at least ${min} characters.`,
  sameAsCurrent: 'The new password is the same as the current one; choose another.',
  mismatch: 'The two new passwords differ; please type them again.',
  tooMany: 'Too many wrong tries. Please wait a while and try again.',
  needsOnline:
    'The server cannot be reached. Changing the password needs the network; try again once online.',
  loggedOut: 'Your login has expired. Log in again, then change the password.',
  serverError: (status: number) => `The server had an error (${status}). Please try again later.`,
  serverSays: (message: string) => `The server refused: ${message}`,

  devicesTitle: 'Logged-in devices',
  devicesIntro: 'Lost a phone, or lent it to someone? Log that device out here.',
  thisDevice: ' (this device)',
  lastSeen: (ago: string) => `Last used ${ago}`,
  loggedInOn: (when: string) => `Logged in on ${when}`,
  endSessionShort: 'Log that device out',
  endSessionQuestion: (label: string) =>
    `Log out “${label}”? Records on it that have not synced are not deleted: they sync once you log in on it again.`,
  endSessionYes: 'Log it out',
  endSessionWorking: 'Logging out…',
  cancel: 'Cancel',
  sessionEnded: (label: string) => `“${label}” is logged out.`,
  sessionEndOffline: (label: string) =>
    `“${label}” could not be logged out: the server cannot be reached. That device is still logged in; try again once online.`,
  sessionEndFailed: (label: string) => `“${label}” could not be logged out. `,
  devicesNeedOnline: 'Offline: the devices cannot be listed. Open this page again once online.',
  thisDeviceLoggedOut:
    'This device has been logged out (perhaps from another device, by a password change, or by an administrator). Please log in again.',
  logInAgain: 'Log in again',
  ownLogoutTitle: 'Log out on this device',
  loading: 'Loading…',
  retry: 'Retry',
}

export function useAccountScreenStrings(): AccountScreenStrings {
  return usePreferences().prefs.lang === 'en' ? en : zhCN
}
