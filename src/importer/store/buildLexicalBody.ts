import type { Block, Caption } from '../validate/schema'

import { buildCaptionBlockNode, type CaptionBlockNode } from '../../photos/captionBlocks'

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
    children: (LexicalHeadingNode | LexicalParagraphNode | CaptionBlockNode)[]
    direction: 'ltr'
    format: ''
    indent: 0
    version: 1
  }
}

function buildTextNode(text: string): LexicalTextNode {
  return { type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }
}

/**
 * The body blocks as a Lexical document: headings as h2, paragraphs as paragraphs, one text node
 * each, and each caption as a `captionedPhoto` block before the block it preceded in the source
 * (captions sharing a place keep their order). The blocks' caption is left empty: the store links
 * them to the caption documents it creates (linkCaptionBlocks).
 */
export function buildLexicalBody(blocks: Block[], captions: Pick<Caption, 'position'>[] = []): LexicalBody {
  const element = { direction: 'ltr', format: '', indent: 0, version: 1 } as const
  const children: LexicalBody['root']['children'] = []
  const placeCaptionsBefore = (index: number) => {
    captions.forEach((caption, captionIndex) => {
      if (caption.position === index) children.push(buildCaptionBlockNode(captionBlockKey(captionIndex), null))
    })
  }
  blocks.forEach((block, index) => {
    placeCaptionsBefore(index)
    children.push(
      block.type === 'heading'
        ? { type: 'heading', tag: 'h2', ...element, children: [buildTextNode(block.text)] }
        : { type: 'paragraph', textFormat: 0, textStyle: '', ...element, children: [buildTextNode(block.text)] },
    )
  })
  placeCaptionsBefore(blocks.length)
  return { root: { type: 'root', ...element, children } }
}

/** A block id (24 hex digits, like the ones Payload's editor makes) that is the same on every import of the caption. */
function captionBlockKey(captionIndex: number): string {
  return `ca${String(captionIndex).padStart(22, '0')}`
}

/**
 * Where each caption stands in the body built by buildLexicalBody: the index of its block among
 * the body's nodes. Unlike the source's paragraph index, no two captions share one.
 */
export function getCaptionBodyIndexes(captions: Pick<Caption, 'position'>[]): number[] {
  return captions.map((caption, captionIndex) => caption.position + captions.filter((other, otherIndex) => other.position <= caption.position && otherIndex < captionIndex).length)
}
