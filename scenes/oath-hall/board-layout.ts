/**
 * Where the oath board stands and where its texts go, metres, in the board's own frame (x right,
 * y up, origin at its centre). Apart from OathBoard.tsx so a test can check the sizes against
 * comfort.ts without drawing anything.
 *
 * Every text on the board is BOARD_TEXT_M tall: 24 dmm (the legibility target) from the spawn's
 * eyes to the board's farthest corner, about 4.8 m away (board-layout.test.ts). At that size the
 * oath's twelve lines, one under another, would stand taller than the board can without hiding
 * the flag behind it, so the lines shown so far run on as one paragraph, as the oath is printed.
 */
export const BOARD_AT: readonly [number, number, number] = [0, 1.0, -2.4]
export const BOARD_WIDTH_M = 2.6
/** Its top stays at 1.85 m: much higher and, from the spawn, it covers the flag's lower edge (PartyFlag.tsx). */
export const BOARD_HEIGHT_M = 1.7
export const BOARD_TEXT_M = 0.12
export const BOARD_LINE_HEIGHT = 1.25
const MARGIN_M = 0.12
const ROW_M = BOARD_TEXT_M * BOARD_LINE_HEIGHT

/** The left edge of the text, and the width the oath's paragraph wraps at. */
export const TEXT_LEFT_M = -BOARD_WIDTH_M / 2 + MARGIN_M
export const TEXT_WIDTH_M = BOARD_WIDTH_M - 2 * MARGIN_M
/** The oath's paragraph hangs from here; six rows fit above the note (the oath takes five or six). */
export const OATH_TOP_M = BOARD_HEIGHT_M / 2 - MARGIN_M
const OATH_ROWS = 6
/** Below the oath: the note that it is in Chinese (English only), hanging from here. */
export const NOTE_TOP_M = OATH_TOP_M - OATH_ROWS * ROW_M - 0.02

export const BUTTON = { width: 0.8, height: 0.2 } as const
/** The bottom row: the oath's source on the left, the member's button on the right. */
export const BOTTOM_ROW_Y_M = -BOARD_HEIGHT_M / 2 + MARGIN_M + BUTTON.height / 2
export const BUTTON_X_M = BOARD_WIDTH_M / 2 - MARGIN_M - BUTTON.width / 2
/** The save status, right above the button. */
export const STATUS_Y_M = BOTTOM_ROW_Y_M + BUTTON.height / 2 + ROW_M / 2 + 0.04
