import { useState } from 'react'
import type { LessonStep } from '../../domain/content/schema.ts'
import { Localized, useLocalized, useLocalizedString } from '../../i18n/i18n.tsx'
import { Markdown } from '../../ui/Markdown.tsx'
import { useLessonStrings } from './strings.ts'

/**
 * The lesson's steps, one at a time with a counter and 上一步/下一步: on a phone a member (often
 * in a group, often older) keeps their place better than in one long scroll. The heading
 * carries the counter, so a screen reader announces "step 2 of 4" with the title.
 */
export function LessonSteps({
  steps,
  index,
  headingId,
  onGo,
  onFinish,
}: {
  steps: readonly LessonStep[]
  index: number
  headingId: string
  onGo: (index: number) => void
  onFinish: () => void
}) {
  const s = useLessonStrings()
  const step = steps[index] ?? steps[0]
  if (!step) return null
  const last = index === steps.length - 1
  return (
    <section className="lesson-step" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        <span className="lesson-step-counter">{s.stepCounter(index + 1, steps.length)}</span>
        <StepTitle step={step} number={index + 1} />
      </h2>
      {/* A new element per step: an image or audio player never carries over to the next step. */}
      <StepBody key={index} step={step} />
      <div className="lesson-actions lesson-step-nav">
        <button type="button" onClick={() => onGo(index - 1)} disabled={index === 0}>
          {s.previousStep}
        </button>
        <button type="button" className="lesson-primary" onClick={last ? onFinish : () => onGo(index + 1)}>
          {last ? s.startQuiz : s.nextStep}
        </button>
      </div>
    </section>
  )
}

function StepTitle({ step, number }: { step: LessonStep; number: number }) {
  const s = useLessonStrings()
  switch (step.kind) {
    case 'text':
      return step.title ? <Localized text={step.title} /> : s.stepUntitled(number)
    case 'image':
      return s.stepImage
    case 'audio':
      return <Localized text={step.title} />
    case 'discussion':
      return s.discussion
  }
}

function StepBody({ step }: { step: LessonStep }) {
  const s = useLessonStrings()
  const pick = useLocalized()
  const text = useLocalizedString()
  const [mediaFailed, setMediaFailed] = useState(false)
  switch (step.kind) {
    case 'text': {
      const body = pick(step.body)
      return <Markdown source={body.text} lang={body.lang} />
    }
    case 'image':
      return (
        <figure className="lesson-figure">
          {mediaFailed ? (
            <p className="notice">
              {s.imageFailed} <Localized text={step.alt} />
            </p>
          ) : (
            <img
              src={`/${step.src}`}
              alt={text(step.alt)}
              decoding="async"
              onError={() => setMediaFailed(true)}
            />
          )}
          {step.caption && (
            <figcaption>
              <Localized text={step.caption} />
            </figcaption>
          )}
        </figure>
      )
    case 'audio':
      return (
        <figure className="lesson-figure">
          {/* biome-ignore lint/a11y/useMediaCaption: the transcript below is the text alternative */}
          <audio
            controls
            preload="metadata"
            src={`/${step.src}`}
            aria-label={text(step.title)}
            onError={() => setMediaFailed(true)}
          />
          {mediaFailed && <p className="notice">{s.audioFailed}</p>}
          {step.transcript && (
            <details open={mediaFailed}>
              <summary>{s.transcript}</summary>
              <Markdown source={pick(step.transcript).text} lang={pick(step.transcript).lang} />
            </details>
          )}
        </figure>
      )
    case 'discussion':
      return (
        <div className="lesson-discussion">
          <p className="lesson-discussion-prompt">
            <Localized text={step.prompt} />
          </p>
          <p className="hint">{s.discussionHint}</p>
        </div>
      )
  }
}
