import { usePreferences } from '../../i18n/i18n.tsx'

/** UI strings of a member's classes (/classes, /classes/:id). zh-CN is the source; en must have every key. */

const zhCN = {
  listTitle: '我的班次',
  listIntro:
    '你参加或带教的培训班次。出发前请打开班次，下载本班离线资料：现场没有网络时，也能扫带教老师的到场确认码。',
  loginNeeded: '登录后可以查看你参加的班次。',
  logIn: '登录',
  loading: '正在读取班次…',
  none: '你目前没有参加任何班次。如有疑问，请联系带教老师或组织部。',
  offlineList: (time: string) => `当前离线，显示 ${time} 保存的班次。`,
  offlineNoList: '当前离线，本机还没有保存你的班次。请联网后再打开本页。',
  loadFailed: '读取班次失败，请稍后重试。',
  retry: '重试',
  dates: (from: string, to: string) => `${from} 至 ${to}`,
  relation: { member: '学员', trainer: '带教老师', admin: '管理员' },
  downloadedBadge: '已下载离线资料',
  showCode: '出示到场确认码',
  staffTools: '带教工具',
  openDashboard: '打开班次看板',
  leadMode: '带领模式',

  classTitle: '班次',
  notFound: '没有这个班次，或你无权查看。',
  unavailableOffline: '当前离线，本机还没有这个班次的资料。请联网后再打开。',
  fromDevice: '当前离线，显示本机保存的班次资料。',
  route: '路线',
  labelled: (label: string) => `${label}：`,
  scenes: 'VR 课堂',
  trainers: '带教老师',
  noRoute: '本班没有现场路线。',
  myAttestations: '带教老师确认到场',
  noAttestations: '还没有确认到场的记录。到达站点后，扫描带教老师手机上的到场确认码。',
  attestedAt: (place: string, time: string) => `${place}：${time}`,
  backToList: '返回我的班次',

  offlineTitle: '下载本班离线资料',
  offlineIntro:
    '下载后，现场没有网络也能打开本班的路线与课程，并离线验证带教老师的到场确认码。资料包括：班次信息、验证密钥、路线的课程图片与音频。',
  offlineStart: '下载本班离线资料',
  offlineAgain: '重新下载（更新）',
  offlineNeedsNetwork: '下载需要网络，请联网后再试。',
  offlineClassPart: '班次信息与验证密钥',
  offlineRoutePart: '路线资料',
  offlineWorking: (done: number, total: number) => `正在下载路线资料：${done}/${total}`,
  offlineInfoDone: (time: string, keys: number) => `已下载（${time}），验证密钥 ${keys} 个`,
  offlineInfoNone: '尚未下载',
  offlineRouteDone: '已下载',
  offlineRoutePartly: (done: number, total: number) => `已下载 ${done}/${total} 个文件`,
  offlineRouteNothing: '无需额外下载',
  offlineAllDone: '本班离线资料已下载，可以离线使用。',
  offlineProgressLabel: '下载进度',
  offlineFailed: '下载没有完成：',
  offlineStorageFull: '手机存储空间不足。请清理空间后继续下载。',
  offlineNetwork: '网络中断。请联网后点击继续，已下载的部分会保留。',
  offlineServerError: (status: number) => `服务器暂时无法提供文件（${status}），请稍后再试。`,
  offlineLogin: '登录已过期，请重新登录后再下载。',
  offlineNotFound: '没有这个班次，或你已不在本班。',
}

export type ClassesStrings = typeof zhCN

const en: ClassesStrings = {
  listTitle: 'My classes',
  listIntro:
    "The classes you attend or train. Before the trip, open your class and download it for offline use: then the trainer's presence code can be checked on site without a network.",
  loginNeeded: 'Log in to see your classes.',
  logIn: 'Log in',
  loading: 'Reading your classes…',
  none: 'You are not in any class yet. Ask your trainer or the organisation department.',
  offlineList: (time) => `Offline: showing the classes saved at ${time}.`,
  offlineNoList: 'Offline, and this device has not saved your classes yet. Open this page again when online.',
  loadFailed: 'Reading your classes failed. Try again later.',
  retry: 'Try again',
  dates: (from, to) => `${from} to ${to}`,
  relation: { member: 'Member', trainer: 'Trainer', admin: 'Administrator' },
  downloadedBadge: 'Downloaded for offline use',
  showCode: 'Show the presence code',
  staffTools: 'Trainer tools',
  openDashboard: 'Open the class dashboard',
  leadMode: 'Lead mode',

  classTitle: 'Class',
  notFound: 'No such class, or you may not see it.',
  unavailableOffline: 'Offline, and this device has nothing of this class yet. Open it again when online.',
  fromDevice: 'Offline: showing the class as saved on this device.',
  route: 'Route',
  labelled: (label) => `${label}: `,
  scenes: 'VR classroom',
  trainers: 'Trainers',
  noRoute: 'This class has no field route.',
  myAttestations: 'Presence confirmed by the trainer',
  noAttestations: "No presence confirmed yet. At each stop, scan the presence code on your trainer's phone.",
  attestedAt: (place, time) => `${place}: ${time}`,
  backToList: 'Back to my classes',

  offlineTitle: 'Download the class for offline use',
  offlineIntro:
    "Once downloaded, the class's route and lessons open without a network, and the trainer's presence code is checked offline. It includes the class details, its verification keys, and the route's lesson images and audio.",
  offlineStart: 'Download the class for offline use',
  offlineAgain: 'Download again (update)',
  offlineNeedsNetwork: 'Downloading needs a network. Try again when online.',
  offlineClassPart: 'Class details and verification keys',
  offlineRoutePart: 'Route files',
  offlineWorking: (done, total) => `Downloading route files: ${done}/${total}`,
  offlineInfoDone: (time, keys) => `Downloaded (${time}), ${keys} verification key${keys === 1 ? '' : 's'}`,
  offlineInfoNone: 'Not downloaded yet',
  offlineRouteDone: 'Downloaded',
  offlineRoutePartly: (done, total) => `${done} of ${total} files downloaded`,
  offlineRouteNothing: 'Nothing extra to download',
  offlineAllDone: 'This class is downloaded and ready for offline use.',
  offlineProgressLabel: 'Download progress',
  offlineFailed: 'The download did not finish: ',
  offlineStorageFull: 'The phone is out of storage. Free some space, then continue.',
  offlineNetwork: 'The network dropped. Go online and continue; what was downloaded is kept.',
  offlineServerError: (status) => `The server could not provide a file (${status}). Try again later.`,
  offlineLogin: 'Your login has expired. Log in again, then download.',
  offlineNotFound: 'No such class, or you are no longer in it.',
}

export function useClassesStrings(): ClassesStrings {
  return usePreferences().prefs.lang === 'en' ? en : zhCN
}

/** A class date (YYYY-MM-DD, China Standard Time) as members read it. */
export function formatClassDate(date: string, lang: 'zh-CN' | 'en'): string {
  const ms = Date.parse(`${date}T00:00:00+08:00`)
  if (Number.isNaN(ms)) return date
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(ms)
}
