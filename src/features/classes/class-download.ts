import type { ClassStore, DownloadedClass } from '../../platform/classes/class-store.ts'
import { type ApiOutcome, fetchClass, fetchClassKeys } from '../../platform/classes/classes-api.ts'

/**
 * Downloads what verifying a class's attestation codes offline needs: the class (name, dates,
 * route, scenes, trainers) and its public keys, and keeps them on the device. Used by
 * "下载本班离线资料" and, when online, by a code scanned before the member downloaded anything.
 */

export interface ClassApi {
  readonly fetchClass: typeof fetchClass
  readonly fetchClassKeys: typeof fetchClassKeys
}

export const serverClassApi: ClassApi = { fetchClass, fetchClassKeys }

export async function downloadClassInfo(
  userId: string,
  classId: string,
  store: Pick<ClassStore, 'putClass'>,
  api: ClassApi = serverClassApi,
  now: () => Date = () => new Date(),
): Promise<ApiOutcome<DownloadedClass>> {
  const info = await api.fetchClass(classId)
  if (info.kind !== 'ok') return info
  const keys = await api.fetchClassKeys(classId)
  if (keys.kind !== 'ok') return keys
  const downloaded: DownloadedClass = {
    userId,
    classId,
    cls: info.value.cls,
    trainers: info.value.trainers,
    keys: keys.value,
    downloadedAt: now().toISOString(),
  }
  await store.putClass(downloaded)
  return { kind: 'ok', value: downloaded }
}
