import { int, isRecord, kb, list, ms, num, perSecond, ratio, str, table } from './format.ts'

/**
 * One Markdown section per area of results.json that this report knows. Each returns undefined
 * when its section is absent, so a partial results.json renders what it has.
 */
type Results = Record<string, unknown>

export function jsSection(r: Results): string | undefined {
  const screens = list(r.jsPerScreen).filter(isRecord)
  if (screens.length === 0) return undefined
  const rows = screens.map((s) => {
    const goal = num(s.goalBytes)
    const gzip = num(s.gzipBytes) ?? 0
    return [
      str(s.screen),
      `\`${str(s.path)}\``,
      kb(gzip),
      num(s.sentBytes) === undefined ? '—' : kb(num(s.sentBytes) ?? 0),
      kb(num(s.rawBytes) ?? 0),
      list(s.files).length,
      goal ? `≤ ${kb(goal)} ${gzip <= goal ? '✓' : '✗'}` : '—',
    ]
  })
  const biggest = screens
    .flatMap((s) => list(s.files).filter(isRecord))
    .sort((a, b) => (num(b.gzipBytes) ?? 0) - (num(a.gzipBytes) ?? 0))
    .filter((f, i, all) => all.findIndex((g) => g.name === f.name) === i)
    .slice(0, 6)
  return [
    'Cold visit (no service worker, empty cache), every script of our origin, gzip -9 (what the goals count); "as sent" is what our server sends a current browser: the build\'s brotli copies.\n',
    table(['screen', 'path', 'gzip', 'as sent (brotli)', 'raw', 'files', 'goal'], rows),
    '\nLargest files:\n',
    table(
      ['file', 'gzip'],
      biggest.map((f) => [`\`${str(f.name)}\``, kb(num(f.gzipBytes) ?? 0)]),
    ),
  ].join('\n')
}

export function saveSection(r: Results): string | undefined {
  const rows = list(r.saveLatencyMs).filter(isRecord)
  if (rows.length === 0) return undefined
  return [
    'From the tap event to "已保存" on screen, which the app shows only after the IndexedDB transaction holding the record and its outbox entry committed with strict durability, in a browser profile on disk as on a phone (an incognito context keeps IndexedDB in memory). CPU throttled through CDP. The peer is the floor of the same browser: a bare page whose button writes a record and its outbox entry in one strict transaction and then says "已保存" (bench/save-latency.ts).\n',
    table(
      ['action', 'CPU', 'taps', 'p50', 'p95', 'max', 'goal p95'],
      rows.map((s) => [
        str(s.action),
        `${num(s.cpuSlowdown)}×`,
        num(s.samples),
        ms(num(s.p50) ?? 0),
        ms(num(s.p95) ?? 0),
        ms(num(s.max) ?? 0),
        `≤ ${num(s.goalP95) ?? 16} ms${num(s.cpuSlowdown) === 4 ? ((num(s.p95) ?? 0) <= (num(s.goalP95) ?? 16) ? ' ✓' : ' ✗') : ''}`,
      ]),
    ),
  ].join('\n')
}

export function drainSection(r: Results): string | undefined {
  const runs = list(r.outboxDrain).filter(isRecord)
  if (runs.length === 0) return undefined
  const rows = runs.flatMap((d) => {
    const ours = num(d.recordsPerSecond) ?? 0
    const peers = list(d.peers).filter(isRecord)
    const partial = d.completed === false ? ` (only ${int(num(d.drained) ?? 0)} drained by the deadline)` : ''
    return [
      [
        `${int(num(d.records) ?? 0)}${partial}`,
        'Hongtu: Chromium IndexedDB (profile on disk) → our server (SQLite)',
        num(d.batchSize) ?? 100,
        `${(num(d.seconds) ?? 0).toFixed(2)} s`,
        perSecond(ours),
        `${(num(d.bytesPerRecord) ?? 0).toFixed(0)} B`,
        '1×',
      ],
      ...peers.map((p) => [
        `${int(num(d.records) ?? 0)}`,
        str(p.peer) ?? 'PouchDB',
        num(p.batchSize),
        `${(num(p.seconds) ?? 0).toFixed(2)} s`,
        perSecond(num(p.recordsPerSecond) ?? 0),
        '—',
        ratio(ours / (num(p.recordsPerSecond) ?? Number.NaN)),
      ]),
    ]
  })
  const breakdown = runs.filter((d) => isRecord(d.breakdown))
  return [
    'From the `online` event to an empty outbox, through the app\'s own outbox loop and the real server on loopback; the PouchDB peer replicates the same records in the same run. "ours ÷ theirs" > 1 means we are faster. Goal ≥ 20k records/s and ≥ 4× PouchDB; ≤ 40 B per record on the wire (both ways, headers included, bodies as sent: the outbox gzips its batches, the server its answers).\n',
    table(['records', 'pipeline', 'batch', 'time', 'records/s', 'bytes/record', 'ours ÷ theirs'], rows),
    ...(breakdown.length > 0
      ? [
          "\nWhere the time goes (wall clock, per push; the client's gap is from one answer to the next request). CPU per push is every process's time (Node: the server and the bench's Playwright driver; Chromium's browser process, which runs IndexedDB, its renderer, network service and GPU process); the ceiling is the rate at which that cost would keep every core of this machine busy:\n",
          table(
            [
              'records',
              'pushes',
              'request → answer',
              'of which server',
              'client gap',
              'share client',
              'CPU per push',
              'cores busy',
              'ceiling at full CPU',
            ],
            breakdown.map((d) => {
              const b = d.breakdown as Record<string, unknown>
              const cpu = isRecord(b.cpuMsPerPush) ? b.cpuMsPerPush : {}
              const parts = Object.entries(cpu)
                .filter(([, v]) => (num(v) ?? 0) >= 0.05)
                .map(([k, v]) => `${k} ${(num(v) ?? 0).toFixed(1)}`)
              return [
                int(num(d.records) ?? 0),
                num(b.pushes),
                ms(num(b.requestMsMean) ?? 0),
                ms(num(b.serverMsMean) ?? 0),
                ms(num(b.clientGapMsMean) ?? 0),
                `${((num(b.clientShare) ?? 0) * 100).toFixed(0)} %`,
                num(b.cpuMsPerPushTotal) === undefined
                  ? '—'
                  : `${ms(num(b.cpuMsPerPushTotal) ?? 0)} (${parts.join(', ')})`,
                num(b.coreShare) === undefined ? '—' : `${((num(b.coreShare) ?? 0) * 100).toFixed(0)} %`,
                num(b.cpuCeilingRecordsPerSecond) === undefined
                  ? '—'
                  : perSecond(num(b.cpuCeilingRecordsPerSecond) ?? 0),
              ]
            }),
          ),
        ]
      : []),
  ].join('\n')
}

export function vrSection(r: Results): string | undefined {
  const scenes = list(r.vrScenes).filter(isRecord)
  if (scenes.length === 0) return undefined
  return [
    'A rendered frame of each scene through the test API (desktop mode, SwiftShader), and the JS its screen loads cold. Budgets: ≤ 100 draw calls, ≤ 300k triangles, textures ≤ 2048² (panoramas ≤ 4096 wide), JS ≤ 400 KB.\n',
    table(
      ['scene', 'draw calls', 'triangles', 'textures', 'texture memory', 'JS gzip'],
      scenes.map((s) => [
        str(s.scene),
        num(s.drawCalls),
        int(num(s.triangles) ?? 0),
        list(s.textures)
          .filter(isRecord)
          .map((t) => `${num(t.width)}×${num(t.height)}`)
          .join(', '),
        `${((num(s.textureBytes) ?? 0) / 2 ** 20).toFixed(1)} MiB`,
        `${kb(num(s.jsGzipBytes) ?? 0)}${(num(s.jsGzipBytes) ?? 0) > 400_000 ? ' ✗' : ''}`,
      ]),
    ),
  ].join('\n')
}

export function panoramaSection(r: Results): string | undefined {
  const p = isRecord(r.panoramaFirstFrameMs) ? r.panoramaFirstFrameMs : undefined
  const viewers = list(p?.viewers).filter(isRecord)
  if (viewers.length === 0) return undefined
  return [
    `The same 4096×2048 JPEG, cold visit, ${p?.viewport ?? ''} viewport, ${num(p?.cpuSlowdown) ?? 4}× CPU, median of ${num(p?.runs) ?? 3}, interleaved runs. "ours ÷ theirs" < 1 means we are faster. Goal ≤ 1.0 s.\n`,
    table(
      ['viewer', 'median', 'runs', 'ours ÷ theirs'],
      viewers.map((v) => [
        str(v.viewer),
        ms(num(v.medianMs) ?? 0),
        list(v.runsMs)
          .map((x) => ms(num(x) ?? 0))
          .join(', '),
        v.viewer === 'hongtu' ? '—' : ratio(num(v.ratioOursToThis) ?? Number.NaN),
      ]),
    ),
  ].join('\n')
}

export function spikeSection(r: Results): string | undefined {
  const s = isRecord(r.spike) ? r.spike : undefined
  const runs = list(s?.runs).filter(isRecord)
  if (runs.length === 0) return undefined
  return [
    `${str(s?.scenario) ?? ''}${str(s?.generatedAt) ? ` Measured ${str(s?.generatedAt)} (a separate run: \`npm run bench:spike\`).` : ''}\n`,
    table(
      ['db', 'members', 'pushes', 'records/s', 'p50', 'p95', 'p99', 'server p99', 'errors', 'verified', ''],
      runs.map((run) => {
        const l = isRecord(run.load) ? run.load : {}
        const lat = isRecord(l.latencyMs) ? l.latencyMs : {}
        const server = isRecord(l.serverHandlingMs) ? l.serverHandlingMs : {}
        const v = isRecord(run.verification) ? run.verification : {}
        return [
          str(run.db),
          int(num(run.members) ?? 0),
          int(num(l.requests) ?? 0),
          perSecond(num(l.recordsPerSecond) ?? 0),
          ms(num(lat.p50) ?? 0),
          ms(num(lat.p95) ?? 0),
          ms(num(lat.p99) ?? 0),
          num(server.p99) === undefined ? '—' : ms(num(server.p99) ?? 0),
          int(num(run.errorCount) ?? 0),
          `${int(num(v.rows) ?? 0)}/${int(num(v.expectedRows) ?? 0)} rows`,
          run.ok === true ? '✓' : '✗',
        ]
      }),
    ),
  ].join('\n')
}

export function guideSection(r: Results): string | undefined {
  const g = isRecord(r.guideLatency) ? r.guideLatency : undefined
  const runs = list(g?.runs).filter(isRecord)
  if (!g || runs.length === 0) return undefined
  return [
    `From the trainer's command to each member's client having it, ${num(g.clients)} members connected over WebSockets on loopback; every member of every command is a sample. Measured ${str(g.measuredAt) ?? ''}.\n`,
    table(
      ['mode', 'processes', 'commands', 'p50', 'p99', 'max', 'last member p50', 'last member p99'],
      runs.map((run) => [
        str(run.mode),
        num(run.processes),
        num(run.commands),
        ms(num(run.p50Ms) ?? 0),
        ms(num(run.p99Ms) ?? 0),
        ms(num(run.maxMs) ?? 0),
        ms(num(run.allP50Ms) ?? 0),
        ms(num(run.allP99Ms) ?? 0),
      ]),
    ),
    ...list(g.skipped).map((s) => `- skipped: ${String(s)}`),
  ].join('\n')
}

export function lighthouseSection(r: Results): string | undefined {
  const lh = isRecord(r.lighthouse) ? r.lighthouse : undefined
  const pages = list(lh?.pages).filter(isRecord)
  if (!lh || pages.length === 0) return undefined
  const t = isRecord(lh.throttling) ? lh.throttling : {}
  const rows = pages.map((p) => [
    str(p.page),
    `\`${str(p.path)}\``,
    num(p.performance),
    num(p.accessibility),
    num(p.bestPractices),
    num(p.lcpMs) === undefined ? '—' : ms(num(p.lcpMs) ?? 0),
    num(p.tbtMs) === undefined ? '—' : ms(num(p.tbtMs) ?? 0),
    num(p.cls)?.toFixed(3),
    num(p.fcpMs) === undefined ? '—' : ms(num(p.fcpMs) ?? 0),
    `${num(p.requests)} (${list(p.foreignRequests).length} foreign)`,
  ])
  const failed = pages.flatMap((p) => list(p.failedAudits).map((a) => `\`${str(p.path)}\` ${String(a)}`))
  const errors = pages
    .filter((p) => str(p.runtimeError))
    .map((p) => `\`${str(p.path)}\`: ${str(p.runtimeError)}`)
  return [
    `Lighthouse ${str(lh.lighthouseVersion)} in ${str(lh.chromium)} (headless), ${str(lh.formFactor)}, ${str(lh.throttlingMethod)}d throttling: ${num(t.rttMs)} ms RTT, ${((num(t.downloadKbps) ?? 0) / 1000).toFixed(1)} Mbps down, ${((num(t.uploadKbps) ?? 0) / 1000).toFixed(2)} Mbps up, ${num(t.cpuSlowdown)}× CPU. Production build served by our own server; the peer row is a bare maplibre page with 2,000 GeoJSON points (bench/peers/maplibre.html, the warm-start peer), audited the same way. Goals: scores ≥ 90 (Lighthouse's green band), LCP ≤ 2.5 s and CLS ≤ 0.1 (Core Web Vitals), TBT ≤ 200 ms (Lighthouse's "good").\n`,
    table(['page', 'path', 'perf.', 'a11y', 'best pr.', 'LCP', 'TBT', 'CLS', 'FCP', 'requests'], rows),
    ...(failed.length
      ? ['\nAudits not at full marks (accessibility, best practices):\n', ...failed.map((f) => `- ${f}`), '']
      : []),
    ...(errors.length ? ['\nRuntime errors:\n', ...errors.map((e) => `- ${e}`), ''] : []),
    ...pages
      .filter((p) => list(p.foreignRequests).length > 0)
      .map((p) => `\nForeign requests on \`${str(p.path)}\`: ${list(p.foreignRequests).join(', ')}\n`),
  ].join('\n')
}

export function machineSection(r: Results): string {
  const m = isRecord(r.machine) ? r.machine : {}
  const load = isRecord(m.loadAverage) ? m.loadAverage : undefined
  const commit = isRecord(r.commit) ? r.commit : undefined
  const lines = [
    `- date: ${str(r.generatedAt) ?? 'unknown'}`,
    `- commit: ${str(commit?.sha) ?? 'unknown'}${commit?.dirty === true ? ' with uncommitted changes in the working tree' : ''}`,
    `- CPU: ${num(m.cpus) ?? '?'} × ${str(m.cpuModel) ?? '?'}; memory ${num(m.memoryGiB) ?? '?'} GiB; no GPU (WebGL through SwiftShader)`,
    `- ${[`Node ${str(m.node) ?? '?'}`, str(m.os), str(m.chromium)].filter(Boolean).join('; ')}`,
  ]
  if (load)
    lines.push(
      `- load average (1 min) at start ${num(load.start)?.toFixed(2)}, at end ${num(load.end)?.toFixed(2)}, peak seen ${num(load.peak)?.toFixed(2) ?? '?'}`,
    )
  if (str(m.note)) lines.push(`- **${str(m.note)}**`)
  return `${lines.join('\n')}\n`
}
