import type { StopWithSite } from '../routes/stops.ts'
import { navigate, paths } from '../shell/router.tsx'

/** A link that opens a stop's site, without reloading the app. */
function siteLink(stop: StopWithSite, className: string): HTMLAnchorElement {
  const a = document.createElement('a')
  a.className = className
  a.href = paths.site(stop.site.id)
  a.addEventListener('click', (e) => {
    e.preventDefault()
    navigate(paths.site(stop.site.id))
  })
  return a
}

/**
 * A marker's visible number and name, hidden from assistive technology, and the full name it
 * reads instead, so the accessible name and the visible text never disagree.
 */
function markerFace(number: string, name: string, spoken: string): HTMLElement[] {
  const n = document.createElement('span')
  n.className = 'map-stop-number'
  n.textContent = number
  const text = document.createElement('span')
  text.className = 'map-stop-label'
  text.textContent = name
  n.setAttribute('aria-hidden', 'true')
  text.setAttribute('aria-hidden', 'true')
  const said = document.createElement('span')
  said.className = 'visually-hidden map-stop-spoken'
  said.textContent = spoken
  return [n, text, said]
}

/** One stop's marker: its number and name, a link to its site. */
export function stopMarker(stop: StopWithSite, name: string, spoken: string): HTMLElement {
  const a = siteLink(stop, 'map-stop')
  a.append(...markerFace(String(stop.number), name, spoken))
  return a
}

/** The parts of a folded marker the map updates as it zooms. */
export interface FoldElement {
  readonly root: HTMLElement
  readonly button: HTMLButtonElement
  readonly spoken: HTMLElement
  readonly list: HTMLUListElement
}

let foldIds = 0

/**
 * A marker standing for several stops: a button showing all their numbers and a label such as
 * "延安革命纪念馆 等 4 站", and, after it in the reading order, a list of links to each stop,
 * hidden until the button opens it (used when the stops cannot be zoomed apart).
 */
export function foldMarker(input: {
  readonly stops: readonly { stop: StopWithSite; name: string; spoken: string }[]
  readonly number: string
  readonly label: string
}): FoldElement {
  const root = document.createElement('div')
  root.className = 'map-fold'
  const button = document.createElement('button')
  button.type = 'button'
  button.className = 'map-stop map-stop--fold'
  const face = markerFace(input.number, input.label, '')
  button.append(...face)
  const list = document.createElement('ul')
  list.className = 'map-fold-list'
  list.id = `map-fold-list-${++foldIds}`
  list.hidden = true
  for (const { stop, spoken } of input.stops) {
    const item = document.createElement('li')
    const link = siteLink(stop, 'map-fold-link')
    link.textContent = spoken
    item.append(link)
    list.append(item)
  }
  root.append(button, list)
  return { root, button, spoken: face[2] as HTMLElement, list }
}
