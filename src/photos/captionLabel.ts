/** How many characters of a caption a photo block's label shows before it is cut with an ellipsis. */
export const CAPTION_LABEL_LENGTH = 24

/** A caption's text as a one-line label: whitespace collapsed, cut at CAPTION_LABEL_LENGTH characters (not UTF-16 units). */
export function formatCaptionLabel(text: string, length: number = CAPTION_LABEL_LENGTH): string {
  const characters = [...text.replace(/\s+/g, ' ').trim()]
  return characters.length > length ? `${characters.slice(0, length).join('')}…` : characters.join('')
}
