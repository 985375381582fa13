/**
 * A ref callback for a message that takes the place of the control the member just used (a
 * button that is gone, or disabled, once its work is done): focus moves to the message, so a
 * keyboard or screen-reader user keeps their place and hears what happened, instead of being
 * dropped at the top of the page. The element needs `tabIndex={-1}`.
 *
 * Only for elements that appear because of an action: one rendered with the screen would take
 * focus from the screen's heading.
 */
export function focusOnMount(element: HTMLElement | null): void {
  element?.focus()
}
