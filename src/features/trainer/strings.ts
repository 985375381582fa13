import { usePreferences } from '../../i18n/i18n.tsx'

/**
 * Strings of the trainer's screens (带教): classes, a new class, the class dashboard, a trainee,
 * coverage. zh-CN is the source; en must have every key (the type checks it).
 */

const ZH_COLUMNS: Record<RosterColumn, string> = { name: '姓名', member_number: '党员编号', branch: '党支部' }

const zhCN = {
  homeTitle: '带教',
  homeIntro: '你带教的培训班次：查看学员的打卡和学习情况，出示到场确认码，带领现场教学。',
  homeIntroAdmin: '全部培训班次：查看学员的打卡和学习情况，出示到场确认码，带领现场教学。',
  newClass: '新建班次',
  coverageLink: '培训覆盖情况',
  accountsLink: '账号管理',
  noClasses: '还没有你带教的班次。点“新建班次”创建一个。',
  classDates: (from: string, to: string) => (from === to ? from : `${from} 至 ${to}`),
  classDatesLabel: '日期',
  classRoute: '路线',
  classScenes: 'VR 场景',
  memberCount: (n: number) => `${n} 名学员`,
  fromDevice: (when: string) => `现在离线：显示的是本机保存的列表（${when} 更新）。`,
  offlineNoCopy: '现在离线，本机还没有保存这份数据。请联网后再打开。',
  loading: '正在加载…',
  loginNeededTitle: '请先登录',
  loginNeededBody: '带教页面需要登录带教老师或管理员账号。',
  logIn: '登录',
  membersOnlyTitle: '这是带教老师使用的页面',
  membersOnlyBody: '你的账号是学员账号。你参加的班次在“我的班次”中查看。',
  myClasses: '我的班次',
  loadError: (status: number) => `服务器出错（${status}），请稍后再试。`,
  retry: '重试',

  // new class
  newTitle: '新建班次',
  newIntro: '选择路线和/或 VR 场景、日期、带教老师和学员。新建班次需要联网。',
  fieldName: '班次名称',
  fieldNameHint: '例如：延安精神现场教学班（第一期）',
  fieldRoute: '路线',
  noRoute: '不走路线（只上 VR 课）',
  fieldScenes: 'VR 场景',
  fieldScenesHint: '在党建VR中心上的课，可以不选。',
  fieldStartsOn: '开始日期',
  fieldEndsOn: '结束日期',
  endsWithRoute: (days: number, last: string) =>
    days === 1
      ? `这条路线 1 天走完，结束日期与开始日期相同（${last}），可以修改。`
      : `这条路线共 ${days} 天，结束日期已按路线设为第 ${days} 天（${last}），随开始日期顺延，可以修改。`,
  endsBeforeRoute: (days: number, last: string) =>
    `这条路线共 ${days} 天，要到 ${last} 才走完：结束日期之后各天的打卡不计入本班次。`,
  endsAfterRoute: (days: number) => `这条路线共 ${days} 天，班次日期比路线长。`,
  endsCoverRoute: (days: number) => `这条路线共 ${days} 天，班次日期正好覆盖全部路线。`,
  fieldTrainers: '带教老师',
  trainerMe: (name: string) => `${name}（本人）`,
  addTrainer: '添加带教老师',
  fieldMembers: '学员名单',
  searchPeople: '搜索学员（姓名、用户名或党员编号）',
  searchTrainers: '搜索带教老师（姓名或用户名）',
  branchFilter: '党支部',
  allBranches: '全部党支部',
  noBranch: '未分配党支部',
  search: '搜索',
  searching: '正在搜索…',
  noMatches: '没有找到符合条件的学员。',
  add: '加入',
  added: '已加入',
  remove: '移除',
  removeNamed: (name: string) => `移除 ${name}`,
  addNamed: (name: string) => `加入 ${name}`,
  selectedMembers: (n: number) => `已选 ${n} 名学员`,
  addAllShown: (n: number) => `全部加入（${n} 人）`,
  rosterCsv: '或上传名单文件（CSV）',
  rosterCsvHint:
    '表头为“姓名、党员编号、党支部”，每行一名已有账号的学员（Excel 另存为 CSV 即可）。班次建好后上传；全部核对无误才会导入，有问题会逐行列出。',
  /** `rows`: the lines under the header, one trainee each. */
  rosterCsvChosen: (name: string, rows: number) => `已选择 ${name}（表头下 ${rows} 行）`,
  create: '创建班次',
  creating: '正在创建…',
  created: '班次已创建。',
  rosterLine: (line: number | null, message: string) =>
    line === null ? message : `第 ${line} 行：${message}`,
  openDashboard: '打开班次看板',
  formHasErrors: '请改正标出的内容后再提交。',
  needsOnline: '新建班次需要联网。请连接网络后再试。',
  errRequired: '请填写此项。',
  errRouteOrScene: '请选择一条路线或至少一个 VR 场景。',
  errEndsBeforeStarts: '结束日期不能早于开始日期。',
  errPerson: (name: string, message: string) => `${name}：${message}`,
  serverSays: (message: string) => `服务器提示：${message}`,
  peopleUnavailable: '暂时无法搜索学员（需要联网，且服务器需支持学员搜索）。可以改为上传名单文件。',

  // dashboard
  dashboardTitle: (name: string) => name,
  lastUpdated: (when: string) => `最后更新：${when}`,
  liveNote: '联网中：每 5 秒自动更新。',
  offlineNote: '离线：显示的是最后一次同步的数据，联网后自动更新。',
  errorNote: '暂时连不上服务器：显示的是最后一次同步的数据。',
  updating: '正在更新…',
  refresh: '立即更新',
  classTools: '班次工具',
  attestQr: '出示到场确认码',
  leadMode: '带领模式',
  learningEffect: '学习效果',
  exports: '导出学员档案',
  memberExports: '导出此学员的档案',
  exportCsv: '导出 CSV',
  exportXlsx: '导出 Excel',
  exportXapi: '导出 xAPI（JSON）',
  exportsOffline: '导出需要联网。',
  summary: '概况',
  summaryMembers: (n: number) => `学员 ${n} 人`,
  summaryMeanScore: (pct: string) => `平均成绩 ${pct}`,
  columnTotals: '人数',
  presentOf: (n: number, of: number) => `到场 ${n}/${of}`,
  completedOf: (n: number, of: number) => `完成 ${n}/${of}`,
  gridTitle: '学员打卡与学习情况',
  gridHint: '表格可左右滑动；点学员姓名查看详情。',
  coverageScrollHint: '表格可左右滑动。',
  member: '学员',
  totals: '合计',
  day: (n: number) => `第 ${n} 天`,
  lessonScene: 'VR',
  noMembers: '这个班次还没有学员。',
  noMembersInBranch: '这个党支部在本班次没有学员。',
  noStopsOrLessons: '这个班次没有路线站点或课程。',
  // cells
  notYet: '未到',
  checkedIn: '已打卡',
  attested: '带教老师确认到场',
  methodGps: '定位',
  methodQr: '扫码',
  verdictInside: '手机判定在范围内',
  verdictQrValid: '手机验证二维码有效',
  notStarted: '未学',
  completed: '已完成',
  pending: '待确认',
  inProgress: (attempts: number) => `测验 ${attempts} 次，未完成`,
  modeOnsite: '现场',
  modeRemote: '远程',
  modeVr: 'VR',
  score: (pct: string) => `最好成绩 ${pct}`,
  attempts: (n: number) => `测验 ${n} 次`,
  reflectionWritten: '已写心得',
  /** A class without a route (VR scenes only) has no stops to be present at: no "到场 0/0". */
  rowTotals: (present: number, stops: number, done: number, lessons: number) =>
    stops === 0 ? `完成 ${done}/${lessons}` : `到场 ${present}/${stops}，完成 ${done}/${lessons}`,
  flagsLabel: '需核实',

  // trainee
  traineeBack: '返回班次看板',
  traineeNotInClass: '这名学员不在这个班次中。',
  passwordTitle: '忘记密码',
  passwordIntro: '学员忘记了密码？在这里生成一个新密码，当面告诉本人。',
  passwordReset: '生成新密码',
  passwordQuestion: (name: string) =>
    `为${name}生成新密码？旧密码立刻失效，本人的所有设备退出登录；设备上还没同步的记录不会丢，用新密码登录后继续同步。`,
  passwordYes: '生成新密码',
  passwordWorking: '正在生成…',
  passwordCancel: '取消',
  passwordShown: (name: string) => `${name}的新密码（只显示这一次，请当面告诉本人）：`,
  passwordUsername: (username: string) => `登录用户名：${username}`,
  passwordAfter: '本人登录后可以在“我的账号”中改成自己记得住的密码。',
  passwordOffline: '生成新密码需要联网。',
  passwordNeedsAdmin:
    '这名学员是补录进本班的。为了账号安全，补录学员的新密码只能由管理员生成，请联系管理员。',
  memberNumber: (n: string) => `党员编号：${n}`,
  branch: (b: string) => `党支部：${b}`,
  checkinsTitle: '打卡',
  lessonsTitle: '课程与测验',
  reflectionsTitle: '心得体会',
  noReflections: '还没有心得体会。',
  reflectionAbout: (what: string) => `关于：${what}`,
  at: (when: string) => `时间：${when}`,
  records: (n: number) => `共 ${n} 条记录`,

  // coverage
  coverageTitle: '培训覆盖情况',
  coverageIntro:
    '各党支部在所选时段内参加培训的党员人数：参加班次（在班次中打卡、完成课程或经带教老师确认到场）、走完一条路线的全部站点、完成 VR 课程；覆盖率按参加任一培训计算。',
  coverageOnlyAdmins: '只有管理员（组织部）可以查看培训覆盖情况。',
  coverageFrom: '起始日期',
  coverageTo: '截止日期',
  coverageShow: '查询',
  coverageBranch: '党支部',
  coverageMembers: '党员人数',
  coverageAttended: '参加班次',
  coverageRouteDone: '走完一条路线',
  coverageVr: '完成 VR 课程',
  coverageTrained: '参加任一培训',
  coverageRate: '覆盖率',
  coverageTotal: '合计',
  coverageEmpty: '所选时段没有数据。',
  coverageNeedsOnline: '查询覆盖情况需要联网。',
  coverageBadRange: '截止日期不能早于起始日期。',
  coverageFollowUpTitle: '未参加培训的党员',
  coverageFollowUpIntro: '所选时段内没有参加任何培训的党员，按党支部列出，便于跟进。点支部名称展开名单。',
  coverageUntrainedSummary: (branch: string, n: number) => `${branch}：${n} 人未参加培训`,
  coverageAllTrained: (branch: string) => `${branch}：全部参加了培训`,
  coverageUsername: (u: string) => `用户名 ${u}`,
  coverageMemberNumber: (n: string) => `党员编号 ${n}`,
  coverageExportTitle: '导出',
  coverageExportCsv: '导出 CSV（每人一行）',
  coverageExportHint: (from: string, to: string) =>
    `${from === to ? from : `${from} 至 ${to}`}，每名党员一行：党支部、姓名、用户名、党员编号，以及参加班次、走完一条路线、完成 VR 课程、参加任一培训（是/否）。`,
  keyRotationTitle: '到场确认码密钥',
  keyRotationWhy:
    '如果出示到场确认码的手机或平板遗失或被盗，请更换本班的到场确认码密钥：更换后，旧设备上的到场确认码不再被接受。',
  keyRotationStart: '更换到场确认码密钥',
  keyRotationConfirm:
    '确定更换吗？此操作不能撤销。更换后，本班每台带教设备都需要联网重新打开一次“出示到场确认码”；学员手机联网后会自动获得新的验证密钥。',
  keyRotationYes: '确认更换',
  keyRotationWorking: '正在更换…',
  keyRotationCancel: '取消',
  keyRotationDone: '已更换。旧设备上的到场确认码从现在起不再被接受。请在本设备联网重新打开“出示到场确认码”。',
  keyRotationFailed: '没有更换成功，请稍后重试。',
  keyRotationFailedOffline: '没有连接到服务器，密钥没有更换。请联网后重试。',
  keyRotationOffline: '更换密钥需要联网。',

  // manage the class (dashboard)
  manageTitle: '管理班次',
  manageIntro: '补录当天临时来的学员，移出误加的学员，调整带教老师，修改班次名称和日期。',
  manageOffline: '管理班次需要联网。现在离线，以下操作暂不可用，联网后即可使用。',
  editTitle: '班次名称和日期',
  editDatesHint: '日期按北京时间。改日期后，看板按新的日期统计学员的打卡和学习。',
  editSave: '保存修改',
  editSaving: '正在保存…',
  editSaved: '已保存，看板已更新。',
  editNothing: '名称和日期都没有改动，不需要保存。',
  editNameRequired: '班次名称不能为空，请填写名称。',
  editNameTooLong: (max: number) => `班次名称最多 ${max} 个字，请删短一些。`,
  editDateRequired: '请选择日期。',
  editNotADate: '这不是有效的日期，请按“年-月-日”重新选择。',
  editEndsBeforeStarts: '结束日期早于开始日期：请把结束日期改为开始日期当天或之后。',
  editTooLong: (days: number) => `班次最长 ${days} 天：请检查年份是否填错。`,
  editFailedOffline: '没有连接到服务器，修改没有保存。请联网后重试。',
  editFailed: '修改没有保存，请稍后重试。',
  addTitle: '补录学员',
  addHint: '搜索已有账号的学员，加入本班次（例如当天临时来的学员）。还没有账号的学员，请管理员先建账号。',
  addLegend: '要加入的学员',
  pickerBranch: '按支部筛选',
  alreadyInClass: '已在本班次',
  addSubmit: (n: number) => `加入本班次（${n} 人）`,
  addWorking: '正在加入…',
  addResult: (added: number, already: number) =>
    `已加入 ${added} 人${already > 0 ? `，${already} 人原本就在本班次` : ''}。`,
  addFailedOffline: '没有连接到服务器，学员没有加入。请联网后重试。',
  addFailed: '学员没有加入，请稍后重试。',
  addNobody: '请先搜索并选择要加入的学员。',
  rosterUploadHint:
    '表头为“姓名、党员编号、党支部”，每行一名已有账号的学员（Excel 另存为 CSV 即可）。全部核对无误才会导入，有问题会逐行列出原因。',
  rosterUploading: '正在上传名单…',
  rosterResult: (added: number, already: number) =>
    `名单文件已导入 ${added} 名学员${already > 0 ? `，${already} 人原本就在本班次` : ''}。`,
  rosterWarnings: '已导入，但以下各行请核对：',
  rosterColumns: ZH_COLUMNS,
  /** Each roster problem or warning by its code (server/classes/roster-csv.ts), naming the column. */
  rosterNotes: {
    unclosed_quote: () => '有一个引号（"）没有配对，文件读不下去。请在 Excel 中打开，重新另存为 CSV。',
    empty_file: () => '文件是空的：没有表头，也没有学员。',
    missing_column: (col) => `表头缺少“${col}”列（表头应为“姓名、党员编号、党支部”）。`,
    too_many_rows: (_col, v) => `超过 ${v.maxRows ?? 2000} 行，请分成几个文件上传。`,
    nul_character: (col) =>
      col
        ? `“${col}”中有无法保存的空字符（U+0000），请删去后重新保存。`
        : '这一行有无法保存的空字符（U+0000），请删去后重新保存。',
    empty_cell: (col) => `“${col}”为空。`,
    repeated_member_number: (col, v) => `“${col}”与第 ${v.firstLine ?? '?'} 行重复。`,
    unknown_member_number: (col) => `“${col}”没有对应的账号。新学员的账号要先由管理员导入，再上传名单。`,
    disabled_account: (col) => `“${col}”对应的账号已停用。`,
    not_a_member_account: (col) => `“${col}”对应的不是学员账号（带教老师请在“带教老师”中添加）。`,
    name_mismatch: (col, v) => `“${col}”与这个党员编号的账号姓名（${v.accountName ?? ''}）不一致。`,
    branch_differs: (col, v) => `“${col}”与账号登记的党支部（${v.accountBranch ?? ''}）不同。`,
  } as Record<RosterNoteCode, (column: string, values: RosterNoteValues) => string>,
  rosterRefused: '名单文件没有导入（全部核对无误才会导入）。请改正以下各行后重新上传：',
  rosterFailedOffline: '没有连接到服务器，名单没有上传。请联网后重试。',
  rosterFailedOther: '名单没有上传成功，请稍后重试。',
  removeTitle: '移出学员',
  removeHint:
    '只用于移出误加的学员。移出后，学员的打卡、学习和心得记录不会删除，仍保存在其本人的账号中，只是不再计入本班次；重新加入后会再次计入。',
  removeFind: '在本班次学员中查找（姓名、党员编号或支部）',
  removeNoMatch: '本班次没有符合条件的学员。',
  removeMore: (n: number) => `还有 ${n} 人，请输入姓名缩小范围。`,
  removeButton: '移出',
  removeTraineeNamed: (name: string) => `把 ${name} 移出本班次`,
  removeConfirm: (name: string) =>
    `确定把 ${name} 移出本班次吗？其打卡、学习和心得记录不会删除，仍保存在其本人的账号中，只是不再计入本班次的看板和档案；以后重新加入，这些记录会再次计入。`,
  removeYes: '确认移出',
  removeWorking: '正在移出…',
  removeCancel: '取消',
  removeDone: (name: string) => `已把 ${name} 移出本班次，其记录没有删除。`,
  removeFailedOffline: '没有连接到服务器，学员没有移出。请联网后重试。',
  removeFailed: '学员没有移出，请稍后重试。',
  trainersTitle: '带教老师',
  trainersHint:
    '带教老师可以看本班次的看板和学员档案、出示到场确认码、带领现场教学和 VR 课堂。例如换人带班、请同事协助时在这里调整。一个班次至少要有一位带教老师。',
  trainersListLabel: '本班次的带教老师',
  trainerYou: (name: string) => `${name}（你）`,
  trainerRemoveNamed: (name: string) => `把 ${name} 从本班次的带教老师中移出`,
  trainerLastOne: '唯一的带教老师不能移出：请先加入另一位。',
  trainerRemoveConfirm: (name: string) =>
    `确定不再让 ${name} 担任本班次的带教老师吗？本班次的到场确认码密钥会随之更换，其设备上的旧密钥从此失效（此前出示的确认码仍然有效）；其他带教老师的设备联网时会自动取得新密钥。`,
  trainerRemoveSelfConfirm:
    '确定不再担任本班次的带教老师吗？移出后你将看不到本班次的看板和学员档案，只有本班次的带教老师或管理员能把你重新加入。',
  trainerRemoveYes: '确认移出',
  trainerRemoveDone: (name: string) => `${name} 已不再是本班次的带教老师。`,
  trainerRemoveFailedOffline: '没有连接到服务器，带教老师没有移出。请联网后重试。',
  trainerRemoveFailed: '带教老师没有移出，请稍后重试。',
  trainersAddLegend: '要加入的带教老师',
  trainersAddSubmit: (n: number) => `设为本班次的带教老师（${n} 人）`,
  trainersAddResult: (added: number, already: number) =>
    `已加入 ${added} 位带教老师${already > 0 ? `，${already} 位原本就是` : ''}。`,
  trainersAddNobody: '请先搜索并选择要加入的带教老师。',
  trainersAddFailedOffline: '没有连接到服务器，带教老师没有加入。请联网后重试。',
  trainersAddFailed: '带教老师没有加入，请稍后重试。',
}

export type TrainerStrings = typeof zhCN

/** A message kept in state as what to say, not the words said: a language switch re-says it. */
export type Say = (t: TrainerStrings) => string

const en: TrainerStrings = {
  homeTitle: 'Training',
  homeIntro: 'The classes you train: see check-ins and lessons, show the presence code, lead on site.',
  homeIntroAdmin: 'All classes: see check-ins and lessons, show the presence code, lead on site.',
  newClass: 'New class',
  coverageLink: 'Training coverage',
  accountsLink: 'Accounts',
  noClasses: 'You train no class yet. Tap “New class” to create one.',
  classDates: (from, to) => (from === to ? from : `${from} to ${to}`),
  classDatesLabel: 'Dates',
  classRoute: 'Route',
  classScenes: 'VR scenes',
  memberCount: (n) => `${n} member${n === 1 ? '' : 's'}`,
  fromDevice: (when) => `Offline: showing the list saved on this device (updated ${when}).`,
  offlineNoCopy: 'Offline, and this device has no copy yet. Open it again when online.',
  loading: 'Loading…',
  loginNeededTitle: 'Please log in',
  loginNeededBody: 'The training pages need a trainer or admin account.',
  logIn: 'Log in',
  membersOnlyTitle: 'This page is for trainers',
  membersOnlyBody: 'Yours is a member account. Your classes are under “My classes”.',
  myClasses: 'My classes',
  loadError: (status) => `Server error (${status}); please try again later.`,
  retry: 'Retry',

  newTitle: 'New class',
  newIntro:
    'Choose a route and/or VR scenes, dates, trainers and members. Creating a class needs a connection.',
  fieldName: 'Class name',
  fieldNameHint: 'e.g. Yan’an Spirit field class (term 1)',
  fieldRoute: 'Route',
  noRoute: 'No route (VR lessons only)',
  fieldScenes: 'VR scenes',
  fieldScenesHint: 'Lessons in the VR center; optional.',
  fieldStartsOn: 'Start date',
  fieldEndsOn: 'End date',
  endsWithRoute: (days, last) =>
    days === 1
      ? `This route takes 1 day: the end date is the start date (${last}); you can change it.`
      : `This route takes ${days} days: the end date is set to its day ${days} (${last}) and moves with the start date; you can change it.`,
  endsBeforeRoute: (days, last) =>
    `This route takes ${days} days, until ${last}: check-ins after the end date will not count for this class.`,
  endsAfterRoute: (days) => `This route takes ${days} days; the class runs longer than the route.`,
  endsCoverRoute: (days) => `This route takes ${days} days; the class's dates cover all of it.`,
  fieldTrainers: 'Trainers',
  trainerMe: (name) => `${name} (you)`,
  addTrainer: 'Add a trainer',
  fieldMembers: 'Members',
  searchPeople: 'Search members (name, username or member number)',
  searchTrainers: 'Search trainers (name or username)',
  branchFilter: 'Party branch',
  allBranches: 'All branches',
  noBranch: 'No branch',
  search: 'Search',
  searching: 'Searching…',
  noMatches: 'No member matches.',
  add: 'Add',
  added: 'Added',
  remove: 'Remove',
  removeNamed: (name) => `Remove ${name}`,
  addNamed: (name) => `Add ${name}`,
  selectedMembers: (n) => `${n} member${n === 1 ? '' : 's'} selected`,
  addAllShown: (n) => `Add all (${n})`,
  rosterCsv: 'Or upload a roster file (CSV)',
  rosterCsvHint:
    'Header 姓名, 党员编号, 党支部 (name, member number, branch), one member with an account per line (save from Excel as CSV). Uploaded once the class exists; imported only when every line checks out, otherwise each problem is listed by line.',
  rosterCsvChosen: (name, rows) => `${name} chosen (${rows} row${rows === 1 ? '' : 's'} under the header)`,
  create: 'Create class',
  creating: 'Creating…',
  created: 'Class created.',
  rosterLine: (line, message) => (line === null ? message : `Line ${line}: ${message}`),
  openDashboard: 'Open the class dashboard',
  formHasErrors: 'Please correct the marked fields and submit again.',
  needsOnline: 'Creating a class needs a connection. Please connect and try again.',
  errRequired: 'Please fill this in.',
  errRouteOrScene: 'Choose a route or at least one VR scene.',
  errEndsBeforeStarts: 'The end date cannot be before the start date.',
  errPerson: (name, message) => `${name}: ${message}`,
  serverSays: (message) => `The server says: ${message}`,
  peopleUnavailable:
    'Member search is not available now (it needs a connection and server support). Upload a roster file instead.',

  dashboardTitle: (name) => name,
  lastUpdated: (when) => `Last updated: ${when}`,
  liveNote: 'Online: updates every 5 seconds.',
  offlineNote: 'Offline: showing the last sync; it updates when back online.',
  errorNote: 'Cannot reach the server: showing the last sync.',
  updating: 'Updating…',
  refresh: 'Update now',
  classTools: 'Class tools',
  attestQr: 'Show the presence code',
  leadMode: 'Lead mode',
  learningEffect: 'Learning effect',
  exports: 'Export the class archive',
  memberExports: 'Export this member’s archive',
  exportCsv: 'Export CSV',
  exportXlsx: 'Export Excel',
  exportXapi: 'Export xAPI (JSON)',
  exportsOffline: 'Exports need a connection.',
  summary: 'Summary',
  summaryMembers: (n) => `${n} member${n === 1 ? '' : 's'}`,
  summaryMeanScore: (pct) => `Mean score ${pct}`,
  columnTotals: 'Count',
  presentOf: (n, of) => `present ${n}/${of}`,
  completedOf: (n, of) => `completed ${n}/${of}`,
  gridTitle: 'Check-ins and lessons per member',
  gridHint: 'The table scrolls sideways; tap a name for details.',
  coverageScrollHint: 'The table scrolls sideways.',
  member: 'Member',
  totals: 'Totals',
  day: (n) => `day ${n}`,
  lessonScene: 'VR',
  noMembers: 'This class has no members yet.',
  noMembersInBranch: 'No member of this class is in this branch.',
  noStopsOrLessons: 'This class has no route stops or lessons.',
  notYet: 'Not yet',
  checkedIn: 'Checked in',
  attested: 'Presence confirmed by the trainer',
  methodGps: 'GPS',
  methodQr: 'QR',
  verdictInside: 'phone: inside the area',
  verdictQrValid: 'phone: valid code',
  notStarted: 'Not started',
  completed: 'Completed',
  pending: 'Awaiting its quiz',
  inProgress: (attempts) => `${attempts} quiz attempt${attempts === 1 ? '' : 's'}, not completed`,
  modeOnsite: 'on site',
  modeRemote: 'remote',
  modeVr: 'VR',
  score: (pct) => `best ${pct}`,
  attempts: (n) => `${n} attempt${n === 1 ? '' : 's'}`,
  reflectionWritten: 'Reflection written',
  rowTotals: (present, stops, done, lessons) =>
    stops === 0
      ? `completed ${done}/${lessons}`
      : `present ${present}/${stops}, completed ${done}/${lessons}`,
  flagsLabel: 'Check',

  traineeBack: 'Back to the class dashboard',
  traineeNotInClass: 'This member is not in this class.',
  passwordTitle: 'Forgotten password',
  passwordIntro: 'Has the member forgotten their password? Create a new one here and tell them in person.',
  passwordReset: 'Create a new password',
  passwordQuestion: (name: string) =>
    `Create a new password for ${name}? The old one stops working and all their devices are logged out. Unsynced records stay on the devices and sync once they log in with the new password.`,
  passwordYes: 'Create new password',
  passwordWorking: 'Creating…',
  passwordCancel: 'Cancel',
  passwordShown: (name: string) => `${name}’s new password (shown this once; tell them in person):`,
  passwordUsername: (username: string) => `Username to log in with: ${username}`,
  passwordAfter: 'Once logged in, they can change it under “My account” to one they remember.',
  passwordOffline: 'Making a new password needs the network.',
  passwordNeedsAdmin:
    'This trainee was added to the class by a trainer. To keep accounts safe, only an admin can make a new password for an added trainee: please ask an admin.',
  memberNumber: (n) => `Member number: ${n}`,
  branch: (b) => `Party branch: ${b}`,
  checkinsTitle: 'Check-ins',
  lessonsTitle: 'Lessons and quizzes',
  reflectionsTitle: 'Reflections',
  noReflections: 'No reflections yet.',
  reflectionAbout: (what) => `About: ${what}`,
  at: (when) => `At: ${when}`,
  records: (n) => `${n} record${n === 1 ? '' : 's'}`,

  coverageTitle: 'Training coverage',
  coverageIntro:
    'Per Party branch, the members who took part in training in the period: attended a class (a check-in, a completed lesson or presence confirmed by the trainer in it), completed every stop of a route, completed a VR lesson; coverage counts any of them.',
  coverageOnlyAdmins: 'Only admins (the organisation department) can see training coverage.',
  coverageFrom: 'From',
  coverageTo: 'To',
  coverageShow: 'Show',
  coverageBranch: 'Party branch',
  coverageMembers: 'Members',
  coverageAttended: 'Attended a class',
  coverageRouteDone: 'Completed a route',
  coverageVr: 'Completed a VR lesson',
  coverageTrained: 'Any training',
  coverageRate: 'Coverage',
  coverageTotal: 'Total',
  coverageEmpty: 'No data for this period.',
  coverageNeedsOnline: 'Coverage needs a connection.',
  coverageBadRange: 'The end date cannot be before the start date.',
  coverageFollowUpTitle: 'Members not yet trained',
  coverageFollowUpIntro:
    'Members who took part in no training in the period, per Party branch, to follow up. Open a branch to see its list.',
  coverageUntrainedSummary: (branch, n) => `${branch}: ${n} not yet trained`,
  coverageAllTrained: (branch) => `${branch}: all trained`,
  coverageUsername: (u) => `Username ${u}`,
  coverageMemberNumber: (n) => `Member no. ${n}`,
  coverageExportTitle: 'Export',
  coverageExportCsv: 'Export CSV (one row per member)',
  coverageExportHint: (from, to) =>
    `${from === to ? from : `${from} to ${to}`}, one row per member: branch, name, username, member number, and 是/否 (yes/no) for attended a class, completed a route, completed a VR lesson, any training.`,
  keyRotationTitle: 'Presence code key',
  keyRotationWhy:
    "If the phone or tablet that shows the presence code is lost or stolen, replace the class's key: the codes on the old device are then no longer accepted.",
  keyRotationStart: 'Replace the presence code key',
  keyRotationConfirm:
    "Replace it? This cannot be undone. Every trainer device of the class must then open “Show the presence code” once while online; members' phones get the new verification key when they are online.",
  keyRotationYes: 'Replace the key',
  keyRotationWorking: 'Replacing…',
  keyRotationCancel: 'Cancel',
  keyRotationDone:
    'Replaced. Codes on the old device are no longer accepted from now on. Open “Show the presence code” again on this device while online.',
  keyRotationFailed: 'The key was not replaced. Try again later.',
  keyRotationFailedOffline:
    'The server could not be reached; the key was not replaced. Try again when online.',
  keyRotationOffline: 'Replacing the key needs a connection.',

  manageTitle: 'Manage the class',
  manageIntro:
    'Add a trainee who joined on the day, remove one added by mistake, change the trainers, the name and the dates.',
  manageOffline:
    'Managing the class needs a connection. You are offline, so these controls are off until you are back online.',
  editTitle: 'Name and dates',
  editDatesHint:
    'Dates are China Standard Time. With new dates the dashboard counts check-ins and lessons by them.',
  editSave: 'Save changes',
  editSaving: 'Saving…',
  editSaved: 'Saved; the dashboard is updated.',
  editNothing: 'The name and dates are unchanged; nothing to save.',
  editNameRequired: 'The class needs a name. Please enter one.',
  editNameTooLong: (max) => `A class name has at most ${max} characters. Please shorten it.`,
  editDateRequired: 'Please choose a date.',
  editNotADate: 'This is not a valid date. Please choose it again (year-month-day).',
  editEndsBeforeStarts: 'The end date is before the start date: set it to the start date or later.',
  editTooLong: (days) => `A class lasts at most ${days} days: check the year for a typo.`,
  editFailedOffline: 'The server could not be reached; nothing was saved. Try again when online.',
  editFailed: 'The change was not saved. Try again later.',
  addTitle: 'Add trainees',
  addHint:
    'Search for members with an account and add them to this class (for example someone who joined on the day). An admin creates accounts for people who have none.',
  addLegend: 'Trainees to add',
  pickerBranch: 'Filter by branch',
  alreadyInClass: 'In this class',
  addSubmit: (n) => `Add to this class (${n})`,
  addWorking: 'Adding…',
  addResult: (added, already) => `Added ${added}${already > 0 ? `; ${already} already in the class` : ''}.`,
  addFailedOffline: 'The server could not be reached; nobody was added. Try again when online.',
  addFailed: 'Nobody was added. Try again later.',
  addNobody: 'Search for and choose the trainees to add first.',
  rosterUploadHint:
    'Header 姓名, 党员编号, 党支部 (name, member number, branch), one member with an account per line (save from Excel as CSV). It is imported only when every line checks out; otherwise each problem is listed by line.',
  rosterUploading: 'Uploading the roster…',
  rosterResult: (added, already) =>
    `The roster file added ${added} member${added === 1 ? '' : 's'}${already > 0 ? `; ${already} already in the class` : ''}.`,
  rosterWarnings: 'Imported, but check these lines:',
  rosterColumns: {
    name: 'name (姓名)',
    member_number: 'member number (党员编号)',
    branch: 'branch (党支部)',
  },
  rosterNotes: {
    unclosed_quote: () =>
      'A quote (") is never closed, so the file cannot be read. Open it in Excel and save it as CSV again.',
    empty_file: () => 'The file is empty: no header, no members.',
    missing_column: (col) => `The header has no “${col}” column (the header is 姓名, 党员编号, 党支部).`,
    too_many_rows: (_col, v) => `More than ${v.maxRows ?? 2000} rows: split the file.`,
    nul_character: (col) =>
      col
        ? `The “${col}” has a NUL character (U+0000) that cannot be stored; delete it and save again.`
        : 'The line has a NUL character (U+0000) that cannot be stored; delete it and save again.',
    empty_cell: (col) => `The “${col}” is empty.`,
    repeated_member_number: (col, v) => `The “${col}” repeats line ${v.firstLine ?? '?'}.`,
    unknown_member_number: (col) =>
      `No account has this “${col}”. An admin imports new members' accounts first, then upload the roster.`,
    disabled_account: (col) => `The account with this “${col}” is disabled.`,
    not_a_member_account: (col) =>
      `The account with this “${col}” is not a member account (add trainers under Trainers).`,
    name_mismatch: (col, v) =>
      `The “${col}” does not match the name of the account with this member number (${v.accountName ?? ''}).`,
    branch_differs: (col, v) => `The “${col}” differs from the account's branch (${v.accountBranch ?? ''}).`,
  },
  rosterRefused:
    'The roster file was not imported (it is, only when every line checks out). Fix these lines and upload it again:',
  rosterFailedOffline: 'The server could not be reached; the roster was not uploaded. Try again when online.',
  rosterFailedOther: 'The roster was not uploaded. Try again later.',
  removeTitle: 'Remove a trainee',
  removeHint:
    'Only for someone added by mistake. Their check-ins, lessons and reflections are not deleted: they stay in their own account and no longer count for this class; added back, they count again.',
  removeFind: 'Find a trainee of this class (name, member number or branch)',
  removeNoMatch: 'No trainee of this class matches.',
  removeMore: (n) => `${n} more; type a name to narrow the list.`,
  removeButton: 'Remove',
  removeTraineeNamed: (name) => `Remove ${name} from this class`,
  removeConfirm: (name) =>
    `Remove ${name} from this class? Their check-ins, lessons and reflections are not deleted: they stay in their own account and no longer count in this class's dashboard and archive. Added back later, they count again.`,
  removeYes: 'Remove from the class',
  removeWorking: 'Removing…',
  removeCancel: 'Cancel',
  removeDone: (name) => `${name} was removed from this class; their records were not deleted.`,
  removeFailedOffline: 'The server could not be reached; nobody was removed. Try again when online.',
  removeFailed: 'The trainee was not removed. Try again later.',
  trainersTitle: 'Trainers',
  trainersHint:
    "A class's trainers see its dashboard and trainee archives, show its presence codes and lead it on site and in the VR center. Change them here, for example when someone else takes the class over or a colleague helps. A class keeps at least one trainer.",
  trainersListLabel: 'Trainers of this class',
  trainerYou: (name) => `${name} (you)`,
  trainerRemoveNamed: (name) => `Remove ${name} as a trainer of this class`,
  trainerLastOne: 'The only trainer cannot be removed: add another first.',
  trainerRemoveConfirm: (name) =>
    `Remove ${name} as a trainer of this class? The class gets a new presence-code key, so the key on their devices stops working (codes they showed before stay valid); the other trainers’ devices fetch the new one when next online.`,
  trainerRemoveSelfConfirm:
    'Stop being a trainer of this class? You will no longer see its dashboard or trainee archives; only its trainers or an admin can add you back.',
  trainerRemoveYes: 'Remove as trainer',
  trainerRemoveDone: (name) => `${name} is no longer a trainer of this class.`,
  trainerRemoveFailedOffline:
    'The server could not be reached; no trainer was removed. Try again when online.',
  trainerRemoveFailed: 'The trainer was not removed. Try again later.',
  trainersAddLegend: 'Trainers to add',
  trainersAddSubmit: (n) => `Add as trainers of this class (${n})`,
  trainersAddResult: (added, already) =>
    `Added ${added} trainer${added === 1 ? '' : 's'}${already > 0 ? `; ${already} already were` : ''}.`,
  trainersAddNobody: 'Search for and choose the trainers to add first.',
  trainersAddFailedOffline: 'The server could not be reached; no trainer was added. Try again when online.',
  trainersAddFailed: 'The trainers were not added. Try again later.',
}

/** A roster file's columns, as the server names them. */
export type RosterColumn = 'name' | 'member_number' | 'branch'

/** The codes of roster problems and warnings (server/classes/roster-csv.ts `ROSTER_NOTE_CODES`). */
export type RosterNoteCode =
  | 'unclosed_quote'
  | 'empty_file'
  | 'missing_column'
  | 'too_many_rows'
  | 'nul_character'
  | 'empty_cell'
  | 'repeated_member_number'
  | 'unknown_member_number'
  | 'disabled_account'
  | 'not_a_member_account'
  | 'name_mismatch'
  | 'branch_differs'

export interface RosterNoteValues {
  readonly firstLine?: number
  readonly accountName?: string
  readonly accountBranch?: string
  readonly maxRows?: number
}

/**
 * A roster problem or warning as the app receives it (api.ts `RosterProblem`). A server from
 * before the codes sends only `line` and `message`.
 */
export interface RosterNoteView {
  readonly line: number | null
  readonly message: string
  readonly code?: string | null
  readonly column?: string | null
  readonly values?: Readonly<Record<string, unknown>> | null
}

/** The codes whose sentence is about the file or the whole line, not one column. */
const LINE_CODES: ReadonlySet<string> = new Set([
  'unclosed_quote',
  'empty_file',
  'too_many_rows',
  'nul_character',
])

/**
 * A roster line's problem or warning in the trainer's language, from its code and naming its
 * column (姓名, 党员编号, 党支部). A code this app does not know (a newer server), or a note
 * without one (an older server), falls back to the server's own words.
 */
export function rosterNoteText(s: TrainerStrings, note: RosterNoteView): string {
  const code = note.code ?? ''
  const say = Object.hasOwn(s.rosterNotes, code) ? s.rosterNotes[code as RosterNoteCode] : undefined
  const column =
    note.column && Object.hasOwn(s.rosterColumns, note.column)
      ? s.rosterColumns[note.column as RosterColumn]
      : ''
  if (!say || (column === '' && !LINE_CODES.has(code)))
    return s.rosterLine(note.line, s.serverSays(note.message))
  const v = note.values ?? {}
  const values: RosterNoteValues = {
    ...(typeof v.firstLine === 'number' ? { firstLine: v.firstLine } : {}),
    ...(typeof v.accountName === 'string' ? { accountName: v.accountName } : {}),
    ...(typeof v.accountBranch === 'string' ? { accountBranch: v.accountBranch } : {}),
    ...(typeof v.maxRows === 'number' ? { maxRows: v.maxRows } : {}),
  }
  return s.rosterLine(note.line, say(column, values))
}

export function trainerStringsFor(lang: 'zh-CN' | 'en'): TrainerStrings {
  return lang === 'en' ? en : zhCN
}

export function useTrainerStrings(): TrainerStrings {
  return trainerStringsFor(usePreferences().prefs.lang === 'en' ? 'en' : 'zh-CN')
}
