import { describe, expect, it } from 'vitest'

import { buildLexicalBody } from '../../src/importer/store/buildLexicalBody'
import { buildCaptionBlockNode, getCaptionIdsInBody } from '../../src/photos/captionBlocks'
import { placeCaptionsInBody, type PositionedCaption } from '../../src/photos/placeCaptionsInBody'

const paragraphs = (...texts: string[]) => buildLexicalBody(texts.map((text) => ({ type: 'paragraph', text }) as never))

/** The body as lines: a paragraph's text, or `[c1]` for a photo block of caption c1. */
function outline(body: ReturnType<typeof paragraphs> | null): string[] | null {
  return body && body.root.children.map((node) => ('fields' in node ? `[${String(node.fields.caption)}]` : node.children[0]!.text))
}

describe('placeCaptionsInBody: a stored story’s captions as photo blocks where their positions say', () => {
  it.each<{ name: string; captions: PositionedCaption[]; expected: string[] }>([
    { name: 'before the paragraph its position names', captions: [{ id: 'c1', position: 1 }], expected: ['一', '[c1]', '二', '三'] },
    { name: 'position 0: before the first paragraph', captions: [{ id: 'c1', position: 0 }], expected: ['[c1]', '一', '二', '三'] },
    { name: 'captions sharing a position keep the order given', captions: [{ id: 'c1', position: 2 }, { id: 'c2', position: 2 }], expected: ['一', '二', '[c1]', '[c2]', '三'] },
    { name: 'a position past the last paragraph: after the body', captions: [{ id: 'c1', position: 22 }], expected: ['一', '二', '三', '[c1]'] },
    { name: 'no position (or a negative one): after the body', captions: [{ id: 'c1', position: null }, { id: 'c2', position: -1 }], expected: ['一', '二', '三', '[c1]', '[c2]'] },
  ])('$name', ({ captions, expected }) => {
    expect(outline(placeCaptionsInBody(paragraphs('一', '二', '三'), captions))).toEqual(expected)
  })

  it('the block is the one the editor stores, with the same id in every copy of the body', () => {
    const placed = placeCaptionsInBody(paragraphs('一'), [{ id: 'c1', position: 0 }])!
    const again = placeCaptionsInBody(paragraphs('一'), [{ id: 'c1', position: 0 }])!
    const block = placed.root.children[0] as ReturnType<typeof buildCaptionBlockNode>
    expect(block).toMatchObject({ type: 'block', version: 2, fields: { blockType: 'captionedPhoto', caption: 'c1', blockName: '' } })
    expect(block.fields.id).toMatch(/^[0-9a-f]{24}$/)
    expect(again.root.children[0]).toEqual(block)
  })

  it('leaves a body that already places photos as it is, whichever captions it left out, and a missing body', () => {
    const placedByEditor = placeCaptionsInBody(paragraphs('一', '二'), [{ id: 'c1', position: 1 }])!
    expect(placeCaptionsInBody(placedByEditor, [{ id: 'c1', position: 1 }, { id: 'c2', position: 0 }])).toBeNull()
    expect(getCaptionIdsInBody(placedByEditor)).toEqual(['c1'])
    expect(placeCaptionsInBody(null, [{ id: 'c1', position: 0 }])).toBeNull()
    expect(placeCaptionsInBody(paragraphs('一'), [])).toBeNull()
  })
})
