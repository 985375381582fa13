import { usePreferences } from '../../i18n/i18n.tsx'
import type { Role } from './api.ts'

/**
 * Strings of the admin's accounts page (账号管理). zh-CN is the source; en must have every key
 * (the type checks it).
 */

const ROLE_ZH: Record<Role, string> = { member: '学员', trainer: '带教老师', admin: '管理员' }
const ROLE_EN: Record<Role, string> = { member: 'Member', trainer: 'Trainer', admin: 'Administrator' }
const COLUMN_ZH: Record<string, string> = {
  name: '姓名',
  member_number: '党员编号',
  branch: '党支部',
  role: '角色',
}
const COLUMN_EN: Record<string, string> = {
  name: 'name',
  member_number: 'member number',
  branch: 'branch',
  role: 'role',
}
const CHANGED_ZH: Record<string, string> = { name: '姓名', role: '角色', branch: '党支部' }

/** What the server's roster code says, in the admin's words; null for a code this app does not know. */
type ProblemText = (code: string, column: string, values: Readonly<Record<string, unknown>>) => string | null

const zhProblem: ProblemText = (code, column, values) => {
  const col = COLUMN_ZH[column] ?? column
  const value = typeof values.value === 'string' ? `“${values.value}”` : ''
  switch (code) {
    case 'not_csv':
      return '这是 Excel 文件，不是 CSV。请在 Excel 中选择“另存为”→“CSV UTF-8（逗号分隔）”，再选择另存的文件。'
    case 'wrong_separator':
      return '各列是用制表符或分号隔开的，不是逗号。请在表格软件中另存为“CSV（逗号分隔）”。'
    case 'unclosed_quote':
      return '引号没有配对：某个单元格以 " 开头却没有结束。请在表格软件中重新另存为 CSV。'
    case 'empty_file':
      return '文件是空的。'
    case 'missing_column':
      return `缺少“${col}”列。第一行应为：姓名,党员编号,党支部,角色`
    case 'too_many_rows':
      return `行数太多：一个文件最多 ${String(values.maxRows ?? '')} 行，请拆成几个文件。`
    case 'nul_character':
      return '这一行含有无法保存的空字符（NUL）。'
    case 'empty_cell':
      return `“${col}”是空的。`
    case 'bad_member_number':
      return `党员编号${value}不行：只能是 2–64 位字母、数字、点、横线或下划线（它就是登录用户名）。`
    case 'name_too_long':
      return '姓名太长：最多 80 个字。'
    case 'unknown_role':
      return `角色${value}不认识：只能是 党员（学员）、带教老师 或 管理员。`
    case 'member_needs_branch':
      return '学员必须填写党支部。'
    case 'repeated_member_number':
      return `党员编号${value}与第 ${String(values.firstLine ?? '?')} 行重复。`
    case 'member_number_taken':
      return `党员编号${value}已经登记在另一个账号上。`
    case 'own_admin_role':
      return '这是你自己的账号：导入后你将不再是管理员。请删去这一行，或请另一位管理员修改。'
    default:
      return null
  }
}

const enProblem: ProblemText = (code, column, values) => {
  const col = COLUMN_EN[column] ?? column
  const value = typeof values.value === 'string' ? ` “${values.value}”` : ''
  switch (code) {
    case 'not_csv':
      return 'This is an Excel workbook, not CSV. In Excel choose Save As → “CSV UTF-8 (Comma delimited)” and choose the saved file.'
    case 'wrong_separator':
      return 'The columns are separated by tabs or semicolons, not commas. Save the sheet as “CSV (Comma delimited)”.'
    case 'unclosed_quote':
      return 'A quote is not closed: a cell starts with " and never ends. Save the file as CSV again from the spreadsheet.'
    case 'empty_file':
      return 'The file is empty.'
    case 'missing_column':
      return `The ${col} column is missing. The first line should be: name,member_number,branch,role`
    case 'too_many_rows':
      return `Too many rows: at most ${String(values.maxRows ?? '')} per file; split it.`
    case 'nul_character':
      return 'This line holds a NUL character, which cannot be stored.'
    case 'empty_cell':
      return `The ${col} is empty.`
    case 'bad_member_number':
      return `The member number${value} is not valid: use 2–64 letters, digits, dots, dashes or underscores (it is the login name).`
    case 'name_too_long':
      return 'The name is too long: at most 80 characters.'
    case 'unknown_role':
      return `The role${value} is unknown: use member, trainer or admin.`
    case 'member_needs_branch':
      return 'A member needs a party branch.'
    case 'repeated_member_number':
      return `Same member number${value} as line ${String(values.firstLine ?? '?')}.`
    case 'member_number_taken':
      return `Another account already has the member number${value}.`
    case 'own_admin_role':
      return 'This is your own account: importing it would take away your admin role. Remove the line, or ask another administrator.'
    default:
      return null
  }
}

const zhCN = {
  title: '账号管理',
  intro:
    '为学员、带教老师和管理员建账号。初始密码由服务器生成，只显示这一次：请当场发给本人，本人登录后在“我的账号”中修改。这个页面需要联网。',
  onlyAdmins: '这个页面只有管理员可以使用。',
  logIn: '登录',
  loading: '正在加载…',
  needsOnline: '现在连不上服务器。账号管理需要联网，请联网后再试。',
  loggedOut: '登录已过期，请重新登录。',
  serverError: (status: number) => `服务器出错（${status}），请稍后再试。`,
  serverSays: (message: string) => `服务器拒绝了：${message}`,
  retry: '重试',
  roleName: (role: Role) => ROLE_ZH[role],

  // roster
  rosterTitle: '导入花名册',
  rosterIntro:
    '一个 CSV 文件，第一行为：姓名,党员编号,党支部,角色（角色填 党员（学员）、带教老师 或 管理员）。党员编号就是登录用户名。已有的账号（按党员编号）只更新姓名、角色和党支部，密码不变。',
  rosterFile: '选择花名册文件（CSV）',
  rosterTemplate: '下载花名册模板（CSV）',
  templateFile: '花名册模板.csv',
  templateHeader: ['姓名', '党员编号', '党支部', '角色'],
  rosterChecking: '正在检查文件…',
  rosterPreview: (created: number, updated: number, unchanged: number) =>
    `检查通过：将新建 ${created} 个账号，更新 ${updated} 个，${unchanged} 个不变。还没有写入任何内容。`,
  rosterUpdatedList: '将更新的账号：',
  rosterCreatedList: (n: number) => `将新建的 ${n} 个账号`,
  rosterNew: (name: string, username: string, branch: string | null, role: string) =>
    `${name}（${username}）· ${role}${branch ? ` · ${branch}` : ''}`,
  rosterChange: (name: string, username: string, changed: readonly string[]) =>
    `${name}（${username}）：${changed.map((c) => CHANGED_ZH[c] ?? c).join('、')}`,
  rosterImport: (created: number) => (created > 0 ? `导入，并生成 ${created} 个初始密码` : '导入'),
  rosterImportingShort: '正在导入…',
  rosterImporting: '每个新账号都要生成密码：几百人要几十秒，上千人要几分钟，请不要离开这个页面。',
  rosterCancel: '不导入',
  rosterNothing: '文件中的账号都已存在，且没有变化。',
  rosterDone: (created: number, updated: number, unchanged: number) =>
    `已导入：新建 ${created} 个账号，更新 ${updated} 个，${unchanged} 个不变。`,
  rosterRefused: (n: number) => `文件有 ${n} 处问题，没有导入任何账号。请改正后重新选择文件：`,
  rosterProblem: (line: number | null, name: string | null, text: string) =>
    line === null ? text : `第 ${line} 行${name ? `（${name}）` : ''}：${text}`,
  problemText: zhProblem,

  // passwords shown once
  passwordsTitle: '初始密码（只显示这一次）',
  passwordsIntro:
    '离开或刷新这个页面后，这些密码就再也看不到了。请下载账号单或打印，当面发给本人；忘记密码的可以在下面的账号列表中重置。',
  passwordsDownload: '下载账号单（CSV）',
  passwordsPrint: '打印',
  passwordsDone: '全部已发放，关闭',
  closeQuestion: '这些密码还没有下载或打印。关闭后就再也看不到了，确定关闭吗？',
  closeYes: '确定关闭',
  printNote: (address: string) =>
    `请用下面的用户名和初始密码登录${address ? ` ${address}` : ''}，登录后在“我的账号”中修改密码。用户名不分大小写。`,
  leaveQuestion: (n: number) => `还有 ${n} 个初始密码显示在账号管理页上。离开后就再也看不到了。仍要离开吗？`,
  leaveWhileImporting: '正在导入花名册。现在离开，新账号的初始密码就看不到了。仍要离开吗？',
  credentialsFile: (date: string) => `账号单-${date}.csv`,
  credentialsHeader: ['姓名', '用户名（党员编号）', '初始密码', '党支部', '角色'],
  colName: '姓名',
  colUsername: '用户名',
  colPassword: '初始密码',
  colBranch: '党支部',
  colRole: '角色',
  colStatus: '状态',

  // one account
  newTitle: '新建一个账号',
  fieldName: '姓名',
  fieldUsername: '用户名（党员编号）',
  fieldUsernameHint: '2–64 位字母、数字、点、横线或下划线，登录时使用。',
  fieldRole: '角色',
  roleChangeNote: '改变角色后，此账号在所有设备上退出登录，需要重新登录。',
  roleToMemberNote:
    '改为党员后，此人不再担任所带班次的带教老师，看不到这些班次的看板和学员档案；这些班次的到场确认码密钥会更换，其他带教老师的设备联网时会自动取得新密钥。',
  fieldBranch: '党支部',
  fieldBranchHint: '学员必须填写；带教老师和管理员可以不填。',
  create: '新建账号',
  creating: '正在新建…',
  nameNeeded: '请填写姓名。',
  usernameInvalid: '用户名只能是 2–64 位字母、数字、点、横线或下划线。',
  branchNeeded: '学员必须填写党支部。',
  usernameTaken: '这个用户名已经有人使用。',
  memberNumberTaken: '这个党员编号已经登记在另一个账号上。',
  created: (name: string) => `已为${name}新建账号。`,

  // the list
  listTitle: '全部账号',
  search: '搜索（姓名、用户名、党支部）',
  roleFilter: '角色',
  allRoles: '全部角色',
  listCount: (shown: number, total: number) =>
    shown === total ? `共 ${total} 个账号` : `共 ${total} 个账号，显示前 ${shown} 个；请用搜索缩小范围`,
  noMatch: '没有符合条件的账号。',
  disabled: '已停用',
  active: '正常',
  passwordNotChanged: '未改初始密码',
  noBranch: '—',
  memberNumber: (n: string) => `党员编号 ${n}`,
  actionsFor: (name: string) => `管理${name}的账号`,
  manage: '管理',
  edit: '修改资料',
  save: '保存',
  saving: '正在保存…',
  saved: (name: string) => `已保存${name}的资料。`,
  resetPassword: '重置密码',
  resetQuestion: (name: string) =>
    `为${name}生成新密码？旧密码立刻失效，所有设备退出登录；设备上还没同步的记录不会丢，用新密码登录后继续同步。`,
  resetYes: '生成新密码',
  resetWorking: '正在生成…',
  resetDone: (name: string) => `已为${name}生成新密码，显示在本页上方的“初始密码”中。`,
  disable: '停用账号',
  disableQuestion: (name: string) =>
    `停用${name}的账号？本人将无法登录，所有设备立刻退出登录。记录都会保留，可以随时重新启用。`,
  disableTrainerNote:
    '其所带班次的到场确认码密钥会随之更换，其设备上的旧密钥从此失效；其他带教老师的设备联网时会自动取得新密钥。',
  disableYes: '停用',
  disableWorking: '正在停用…',
  enable: '重新启用',
  enableDone: (name: string) => `${name}的账号已重新启用，可以用原来的密码登录。`,
  disableDone: (name: string) => `${name}的账号已停用，所有设备已退出登录。`,
  revoke: '让所有设备退出登录',
  revokeQuestion: (name: string) =>
    `让${name}的所有设备退出登录（例如手机丢了）？密码不变，本人可以在新设备上重新登录。`,
  revokeYes: '全部退出',
  revokeWorking: '正在退出…',
  revokeDone: (name: string, n: number) =>
    n === 0 ? `${name}没有登录中的设备。` : `已让${name}的 ${n} 台设备退出登录。`,
  cancel: '取消',
  yourself: '（你自己）',
  selfActions: '你自己的密码和设备在“我的账号”中管理。',
  toMyAccount: '我的账号',
}

export type AdminStrings = typeof zhCN

const en: AdminStrings = {
  title: 'Accounts',
  intro:
    'Create accounts for members, trainers and administrators. Initial passwords are made by the server and shown only once: hand each to its owner, who changes it under “My account”. This page needs the network.',
  onlyAdmins: 'Only administrators can use this page.',
  logIn: 'Log in',
  loading: 'Loading…',
  needsOnline: 'The server cannot be reached. Managing accounts needs the network; try again once online.',
  loggedOut: 'Your login has expired. Please log in again.',
  serverError: (status: number) => `The server had an error (${status}). Please try again later.`,
  serverSays: (message: string) => `The server refused: ${message}`,
  retry: 'Retry',
  roleName: (role: Role) => ROLE_EN[role],

  rosterTitle: 'Import a roster',
  rosterIntro:
    'A CSV file whose first line is: name,member_number,branch,role (role: member, trainer or admin; Chinese headers work too). The member number is the login name. Existing accounts (by member number) only get their name, role and branch updated; their password stays.',
  rosterFile: 'Choose a roster file (CSV)',
  rosterTemplate: 'Download a roster template (CSV)',
  templateFile: 'roster-template.csv',
  templateHeader: ['name', 'member_number', 'branch', 'role'],
  rosterChecking: 'Checking the file…',
  rosterPreview: (created: number, updated: number, unchanged: number) =>
    `The file is fine: ${created} account${created === 1 ? '' : 's'} to create, ${updated} to update, ${unchanged} unchanged. Nothing is written yet.`,
  rosterUpdatedList: 'Accounts to update:',
  rosterCreatedList: (n: number) => `The ${n} account${n === 1 ? '' : 's'} to create`,
  rosterNew: (name: string, username: string, branch: string | null, role: string) =>
    `${name} (${username}) · ${role}${branch ? ` · ${branch}` : ''}`,
  rosterChange: (name: string, username: string, changed: readonly string[]) =>
    `${name} (${username}): ${changed.join(', ')}`,
  rosterImport: (created: number) =>
    created > 0 ? `Import and create ${created} initial password${created === 1 ? '' : 's'}` : 'Import',
  rosterImportingShort: 'Importing…',
  rosterImporting:
    'Each new account gets a password made for it: a few hundred take some tens of seconds, a thousand or more a few minutes. Please stay on this page.',
  rosterCancel: 'Do not import',
  rosterNothing: 'Every account in the file exists already, unchanged.',
  rosterDone: (created: number, updated: number, unchanged: number) =>
    `Imported: ${created} created, ${updated} updated, ${unchanged} unchanged.`,
  rosterRefused: (n: number) =>
    `The file has ${n} problem${n === 1 ? '' : 's'}; no account was imported. Fix ${n === 1 ? 'it' : 'them'} and choose the file again:`,
  rosterProblem: (line: number | null, name: string | null, text: string) =>
    line === null ? text : `Line ${line}${name ? ` (${name})` : ''}: ${text}`,
  problemText: enProblem,

  passwordsTitle: 'Initial passwords (shown only once)',
  passwordsIntro:
    'Once you leave or reload this page, these passwords cannot be seen again. Download the list or print it and hand each to its owner; a forgotten one can be reset in the list below.',
  passwordsDownload: 'Download list (CSV)',
  passwordsPrint: 'Print',
  passwordsDone: 'All handed out – close',
  closeQuestion:
    'These passwords have not been downloaded or printed. Once closed they cannot be seen again. Close anyway?',
  closeYes: 'Close',
  printNote: (address: string) =>
    `Log in${address ? ` at ${address}` : ''} with the username and initial password below, then change the password under “My account”. Usernames are not case-sensitive.`,
  leaveQuestion: (n: number) =>
    `${n} initial password${n === 1 ? ' is' : 's are'} shown on the accounts page. Once you leave, ${n === 1 ? 'it' : 'they'} cannot be seen again. Leave anyway?`,
  leaveWhileImporting:
    'A roster is being imported. If you leave now, the new accounts’ passwords cannot be seen. Leave anyway?',
  credentialsFile: (date: string) => `accounts-${date}.csv`,
  credentialsHeader: ['Name', 'Username (member number)', 'Initial password', 'Branch', 'Role'],
  colName: 'Name',
  colUsername: 'Username',
  colPassword: 'Initial password',
  colBranch: 'Branch',
  colRole: 'Role',
  colStatus: 'Status',

  newTitle: 'Add an account',
  fieldName: 'Name',
  fieldUsername: 'Username (member number)',
  fieldUsernameHint: '2–64 letters, digits, dots, dashes or underscores; used to log in.',
  fieldRole: 'Role',
  roleChangeNote: 'Changing the role logs this account out on every device; they log in again.',
  roleToMemberNote:
    'As a member they stop being a trainer of their classes and no longer see those classes’ dashboards or trainee archives; the classes get a new presence-code key, which the other trainers’ devices fetch when next online.',
  fieldBranch: 'Party branch',
  fieldBranchHint: 'Required for members; trainers and administrators may leave it empty.',
  create: 'Create account',
  creating: 'Creating…',
  nameNeeded: 'Fill in the name.',
  usernameInvalid: 'Use 2–64 letters, digits, dots, dashes or underscores.',
  branchNeeded: 'A member needs a party branch.',
  usernameTaken: 'This username is taken.',
  memberNumberTaken: 'Another account already has this member number.',
  created: (name: string) => `Account made for ${name}.`,

  listTitle: 'All accounts',
  search: 'Search (name, username, branch)',
  roleFilter: 'Role',
  allRoles: 'All roles',
  listCount: (shown: number, total: number) =>
    shown === total
      ? `${total} accounts`
      : `${total} accounts; the first ${shown} shown: search to narrow them`,
  noMatch: 'No account matches.',
  disabled: 'Disabled',
  active: 'Active',
  passwordNotChanged: 'initial password not changed',
  noBranch: '—',
  memberNumber: (n: string) => `member no. ${n}`,
  actionsFor: (name: string) => `Manage ${name}’s account`,
  manage: 'Manage',
  edit: 'Edit details',
  save: 'Save',
  saving: 'Saving…',
  saved: (name: string) => `${name}’s details are saved.`,
  resetPassword: 'Reset password',
  resetQuestion: (name: string) =>
    `Create a new password for ${name}? The old one stops working and all their devices are logged out. Unsynced records stay on the devices and sync once they log in with the new password.`,
  resetYes: 'Create new password',
  resetWorking: 'Creating…',
  resetDone: (name: string) =>
    `A new password for ${name} is shown at the top of this page, under “Initial passwords”.`,
  disable: 'Disable the account',
  disableQuestion: (name: string) =>
    `Disable ${name}’s account? They cannot log in, and every device is logged out now. Their records stay; the account can be enabled again at any time.`,
  disableTrainerNote:
    'Their classes get a new presence-code key, so the key on their devices stops working; the other trainers’ devices fetch the new one when next online.',
  disableYes: 'Disable',
  disableWorking: 'Disabling…',
  enable: 'Re-enable',
  enableDone: (name: string) => `${name}’s account is enabled again; the old password works.`,
  disableDone: (name: string) => `${name}’s account is disabled and every device logged out.`,
  revoke: 'Log out every device',
  revokeQuestion: (name: string) =>
    `Log out every device of ${name} (a lost phone, say)? The password stays; they can log in on a new device.`,
  revokeYes: 'Log them all out',
  revokeWorking: 'Logging out…',
  revokeDone: (name: string, n: number) =>
    n === 0 ? `${name} has no device logged in.` : `${n} device${n === 1 ? '' : 's'} of ${name} logged out.`,
  cancel: 'Cancel',
  yourself: ' (you)',
  selfActions: 'Your own password and devices are managed under “My account”.',
  toMyAccount: 'My account',
}

export function useAdminStrings(): AdminStrings {
  return usePreferences().prefs.lang === 'en' ? en : zhCN
}
