import type { Block } from '../validate/schema'

/** The Lexical editor state Payload's rich-text field stores (SerializedEditorState), kept to the nodes the importer makes. */
export interface LexicalTextNode {
  type: 'text'
  text: string
  format: 0
  detail: 0
  mode: 'normal'
  style: ''
  version: 1
}

interface LexicalElementBase {
  children: LexicalTextNode[]
  direction: 'ltr'
  format: ''
  indent: 0
  version: 1
}

export interface LexicalHeadingNode extends LexicalElementBase {
  type: 'heading'
  tag: 'h2'
}

export interface LexicalParagraphNode extends LexicalElementBase {
  type: 'paragraph'
  textFormat: 0
  textStyle: ''
}

export interface LexicalBody {
  root: {
    type: 'root'
    children: (LexicalHeadingNode | LexicalParagraphNode)[]
    direction: 'ltr'
    format: ''
    indent: 0
    version: 1
  }
}

function buildTextNode(text: string): LexicalTextNode {
  return { type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }
}

/** The body blocks as a Lexical document: headings as h2, paragraphs as paragraphs, one text node each. */
export function buildLexicalBody(blocks: Block[]): LexicalBody {
  const element = { direction: 'ltr', format: '', indent: 0, version: 1 } as const
  return {
    root: {
      type: 'root',
      ...element,
      children: blocks.map((block) =>
        block.type === 'heading'
          ? { type: 'heading', tag: 'h2', ...element, children: [buildTextNode(block.text)] }
          : { type: 'paragraph', textFormat: 0, textStyle: '', ...element, children: [buildTextNode(block.text)] },
      ),
    },
  }
}
