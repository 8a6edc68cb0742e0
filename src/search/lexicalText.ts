interface LexicalNode {
  type?: string
  text?: string
  children?: LexicalNode[]
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'listitem', 'list'])

/** The plain text of a Lexical rich-text value: text nodes in order, one line per block. */
export function extractLexicalText(value: unknown): string {
  const root = (value as { root?: LexicalNode } | null | undefined)?.root
  if (!root) return ''
  const lines: string[] = []
  let line = ''
  const walk = (node: LexicalNode) => {
    if (typeof node.text === 'string') line += node.text
    if (node.type === 'linebreak') line += '\n'
    for (const child of node.children ?? []) walk(child)
    if (node.type && BLOCK_TYPES.has(node.type) && line) {
      lines.push(line)
      line = ''
    }
  }
  walk(root)
  if (line) lines.push(line)
  return lines.join('\n')
}
