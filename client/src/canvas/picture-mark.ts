/**
 * The User Timing mark the page sets once the opening's picture has been painted (main.ts). Kept
 * apart from picture.ts, which brings its style sheet, so that bench nav can read the name in Node.
 */
export const OPENING_PICTURE_MARK = 'opening-picture-painted';
