import { DEMO_CLASS_ID } from '../../server/db/seed.ts'
import type { Caller, ClassWorld } from './classes-world.ts'

/**
 * The authorization matrix of the class-management, people, coverage and archive endpoints
 * (issue 7): each endpoint × the six callers of classes-world.ts. Run by
 * classes-authorization.test.ts; authorization.test.ts counts these rows as covering their
 * endpoints when it checks that every declared endpoint has a row.
 */
export interface ClassMatrixRow {
  readonly method: string
  /** The declared path, as in the OpenAPI document. */
  readonly declared: string
  readonly path: (w: ClassWorld) => string
  readonly json?: (w: ClassWorld, caller: Caller) => unknown
  readonly csv?: string
  /** Expected status per caller; callers run in CALLERS order, so only later ones see changes. */
  readonly expect: Record<Caller, number>
}

const staffOfClass = (status: number) => ({
  anonymous: 401,
  otherMember: 404,
  otherTrainer: 404,
  trainer: status,
  member: 403,
  admin: status,
})
const staff = (status: number) => ({
  anonymous: 401,
  otherMember: 403,
  otherTrainer: status,
  trainer: status,
  member: 403,
  admin: status,
})
const adminOnly = (status: number) => ({
  anonymous: 401,
  otherMember: 403,
  otherTrainer: 403,
  trainer: 403,
  member: 403,
  admin: status,
})
/** member1's archive: member1, their class's trainer and admins; strangers 404. */
const ownArchive = {
  anonymous: 401,
  otherMember: 404,
  otherTrainer: 404,
  trainer: 200,
  member: 200,
  admin: 200,
}

const classPath =
  (suffix = '') =>
  () =>
    `/api/classes/${DEMO_CLASS_ID}${suffix}`

export const CLASS_MATRIX_ROWS: readonly ClassMatrixRow[] = [
  {
    method: 'POST',
    declared: '/api/classes',
    path: () => '/api/classes',
    json: (_w, caller) => ({
      name: `${caller}的班`,
      routeId: 'yanan-two-day',
      startsOn: '2026-06-01',
      endsOn: '2026-06-02',
    }),
    expect: staff(201),
  },
  {
    method: 'PATCH',
    declared: '/api/classes/{classId}',
    path: classPath(),
    json: (_w, caller) => ({ name: `改名-${caller}` }),
    expect: staffOfClass(200),
  },
  {
    method: 'POST',
    declared: '/api/classes/{classId}/members',
    path: classPath('/members'),
    json: () => ({ memberIds: ['member3'] }),
    expect: staffOfClass(200),
  },
  {
    method: 'POST',
    declared: '/api/classes/{classId}/members/{userId}/reset-password',
    path: classPath('/members/demo-member2/reset-password'),
    expect: staffOfClass(200),
  },
  {
    method: 'DELETE',
    declared: '/api/classes/{classId}/members/{userId}',
    path: classPath('/members/demo-member2'),
    expect: staffOfClass(204),
  },
  {
    method: 'POST',
    declared: '/api/classes/{classId}/trainers',
    path: classPath('/trainers'),
    json: () => ({ trainerIds: ['trainer2'] }),
    expect: staffOfClass(200),
  },
  {
    method: 'DELETE',
    declared: '/api/classes/{classId}/trainers/{userId}',
    path: classPath('/trainers/trainer2'),
    expect: staffOfClass(204),
  },
  {
    method: 'POST',
    declared: '/api/classes/{classId}/roster',
    path: classPath('/roster'),
    csv: '姓名,党员编号,党支部\n赵三,YA-2024-0003,延安市直机关第二党支部\n',
    expect: staffOfClass(200),
  },
  { method: 'GET', declared: '/api/people', path: () => '/api/people?role=member', expect: staff(200) },
  { method: 'GET', declared: '/api/branches', path: () => '/api/branches', expect: staff(200) },
  { method: 'GET', declared: '/api/coverage', path: () => '/api/coverage', expect: adminOnly(200) },
  { method: 'GET', declared: '/api/coverage.csv', path: () => '/api/coverage.csv', expect: adminOnly(200) },
  ...(['csv', 'xlsx', 'xapi.json'] as const).flatMap((format): ClassMatrixRow[] => [
    {
      method: 'GET',
      declared: `/api/classes/{classId}/archive.${format}`,
      path: classPath(`/archive.${format}`),
      expect: staffOfClass(200),
    },
    {
      method: 'GET',
      declared: `/api/members/{memberId}/archive.${format}`,
      path: (w) => `/api/members/${w.ids.member}/archive.${format}`,
      expect: ownArchive,
    },
  ]),
]
