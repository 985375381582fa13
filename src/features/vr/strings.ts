import { usePreferences } from '../../i18n/i18n.tsx'

/** Strings of the VR classroom's 2D screens. zh-CN is the source; en must have every key. */
const zhCN = {
  navVr: 'VR课堂',
  listTitle: 'VR课堂',
  listIntro: '党建VR中心的场景：戴头显进入沉浸式场景，或直接在电脑、手机上浏览。',
  openScene: '进入场景',
  linkedLesson: '关联课程：',
  oathScene: '重温入党誓词，完成后记入学习记录',
  generatedBadge: '程序生成的示意图，不是照片',
  loadingScene: '正在加载场景…',
  stageFailed:
    '三维场景没能显示：场景文件可能还没下载完（现在没有网络），或这个浏览器显示不了。下面的讲解和文字版测验照常可用。有网络时请点“重试”。',
  stageRetry: '重试',
  stageLabel: (title: string) => `三维场景：${title}`,
  enterVr: '进入 VR',
  exitVr: '退出 VR',
  // A headset session cannot follow a scene change (VrSceneRoute.tsx): only the visitor's press starts one.
  reenterAfterSceneChange: '已换到这个场景，VR 已退出。请再点“进入 VR”继续。',
  inVr: '正在 VR 中：请戴上头显',
  noHeadset: '没有检测到 VR 头显：可以拖动画面环视，方向键或 WASD 行走，Q/E 转向。',
  // A panorama is seen from one point: there is nowhere to walk.
  noHeadsetFixedView: '没有检测到 VR 头显：可以拖动画面环视，左右方向键或 Q/E 转向。',
  // Touch can only look and select (ScreenControls.tsx): an up or down swipe scrolls the page.
  noHeadsetTouch: '没有检测到 VR 头显：左右拖动画面环视，点按发光的标记查看讲解。',
  // Follows noHeadsetTouch: no space after a Chinese full stop, one after an English one.
  gyroHint: (button: string) => `也可以按“${button}”，转动手机来看。`,
  posture: '姿势',
  standing: '站立',
  seated: '坐姿',
  gyro: '陀螺仪环视',
  hotspots: '讲解点',
  hotspotsHint: '点讲解点名称，或在画面中点选发光的标记。',
  visited: '已看',
  closeNarration: '收起讲解',
  playNarration: '播放讲解录音',
  stopNarration: '停止录音',
  startQuiz: '开始测验（在场景中作答）',
  quizInLesson: '在课程页作答（文字版）',
  // The 3D quiz is not in the page: keyboard and screen-reader users are pointed to the text one.
  quizInSceneHint: '题目显示在画面中。用键盘或读屏软件作答，请用文字版。',
  saving: '正在保存…',
  saved: '已保存',
  quizSaved: (correct: number, total: number, passed: boolean) =>
    `测验已保存：答对 ${correct} / ${total} 题，${passed ? '通过，本课记为 VR 学习完成' : '未达到及格线'}。`,
  storageFull: '存储空间已满，没能保存。请清理手机空间后重试；你的答案仍保留在场景中。',
  saveFailed: '没能保存，请重试。',
  recordsUnavailable: '无法打开本机学习记录，本次学习暂时不能保存。',
  oathNext: '下一句',
  oathDone: '宣誓完毕',
  oathSaved: '已保存：重温入党誓词记入学习记录。',
  paused: '老师已暂停课程，请稍候。',
  lookAt: (title: string) => `老师请大家看：${title}`,
  ended: '老师已结束本次带教，你可以继续自由学习。',
  toPassport: '查看我的学习记录',
  fidelity: '说明：',
  backToList: '返回 VR 课堂',
}

export type VrStrings = typeof zhCN

const en: VrStrings = {
  navVr: 'VR classroom',
  listTitle: 'VR classroom',
  listIntro: 'Scenes of the VR center: enter them in a headset, or browse them on a computer or phone.',
  openScene: 'Open scene',
  linkedLesson: 'Lesson: ',
  oathScene: 'Renew the Party oath; completion is recorded',
  generatedBadge: 'Generated illustration, not a photograph',
  loadingScene: 'Loading the scene…',
  stageFailed:
    'The 3D scene could not be shown: its files may not have finished downloading (and there is no network now), or this browser cannot show it. The narration and the text quiz below work as usual. With a network, tap “Try again”.',
  stageRetry: 'Try again',
  stageLabel: (title: string) => `3D scene: ${title}`,
  enterVr: 'Enter VR',
  exitVr: 'Exit VR',
  reenterAfterSceneChange: 'The scene changed and VR was closed. Select “Enter VR” to go on.',
  inVr: 'In VR: put on the headset',
  noHeadset: 'No VR headset found: drag to look around, arrow keys or WASD to walk, Q/E to turn.',
  noHeadsetFixedView: 'No VR headset found: drag to look around, left and right arrow keys or Q/E to turn.',
  noHeadsetTouch: 'No VR headset found: drag sideways to look around, tap a glowing marker to read about it.',
  gyroHint: (button: string) => ` Or press “${button}” and turn the phone to look.`,
  posture: 'Posture',
  standing: 'Standing',
  seated: 'Seated',
  gyro: 'Look with gyroscope',
  hotspots: 'Points of interest',
  hotspotsHint: 'Pick a name, or select a glowing marker in the scene.',
  visited: 'seen',
  closeNarration: 'Close',
  playNarration: 'Play narration',
  stopNarration: 'Stop',
  startQuiz: 'Start the quiz (in the scene)',
  quizInLesson: 'Take it on the lesson page (text)',
  quizInSceneHint:
    'The questions appear in the scene. With a keyboard or a screen reader, use the text version.',
  saving: 'Saving…',
  saved: 'Saved',
  quizSaved: (correct: number, total: number, passed: boolean) =>
    `Quiz saved: ${correct} of ${total} right, ${passed ? 'passed; the lesson counts as completed in VR' : 'below the pass mark'}.`,
  storageFull:
    'Storage is full, nothing was saved. Free up space and try again; your answers are kept in the scene.',
  saveFailed: 'Could not save. Please try again.',
  recordsUnavailable: 'The records on this device cannot be opened; this session cannot be saved.',
  oathNext: 'Next line',
  oathDone: 'Oath completed',
  oathSaved: 'Saved: the oath renewal is in your records.',
  paused: 'The trainer has paused the class.',
  lookAt: (title: string) => `The trainer asks everyone to look at: ${title}`,
  ended: 'The trainer has ended the guided session; carry on at your own pace.',
  toPassport: 'See my records',
  fidelity: 'Note: ',
  backToList: 'Back to the VR classroom',
}

export function useVrStrings(): VrStrings {
  return usePreferences().prefs.lang === 'en' ? en : zhCN
}
