/** Characters as a Chinese newsroom counts them (字数): every character but white space, a CJK character or a Latin letter alike. */
export function countCharacters(text: string): number {
  let count = 0
  for (const character of text) if (!/\s/u.test(character)) count++
  return count
}

interface LexicalNode {
  type?: string
  text?: unknown
  children?: LexicalNode[]
}

/** The visible text of a Lexical rich-text value, paragraph by paragraph (text nodes only: no markup, no link targets). */
export function lexicalPlainText(value: unknown): string {
  const root = (value as { root?: LexicalNode } | null | undefined)?.root
  if (!root) return ''
  const parts: string[] = []
  const walk = (node: LexicalNode) => {
    if (typeof node.text === 'string') parts.push(node.text)
    for (const child of node.children ?? []) walk(child)
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'quote' || node.type === 'listitem') parts.push('\n')
  }
  walk(root)
  return parts.join('')
}

/** The character count of a field's value: plain text, or a Lexical document. */
export function countFieldCharacters(value: unknown): number {
  if (typeof value === 'string') return countCharacters(value)
  if (value && typeof value === 'object') return countCharacters(lexicalPlainText(value))
  return 0
}
