import { describe, expect, it } from 'vitest'
import { buildLexicalBody } from '../../src/importer/store/buildLexicalBody'

describe('buildLexicalBody', () => {
  it('builds a Lexical root with an h2 heading node and a paragraph node, one text node each', () => {
    expect(buildLexicalBody([
      { type: 'heading', text: '产业转型升级跑出加速度' },
      { type: 'paragraph', text: '穿行于安源区工业园。' },
    ])).toEqual({
      root: {
        type: 'root',
        direction: 'ltr',
        format: '',
        indent: 0,
        version: 1,
        children: [
          {
            type: 'heading',
            tag: 'h2',
            direction: 'ltr',
            format: '',
            indent: 0,
            version: 1,
            children: [{ type: 'text', text: '产业转型升级跑出加速度', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
          },
          {
            type: 'paragraph',
            textFormat: 0,
            textStyle: '',
            direction: 'ltr',
            format: '',
            indent: 0,
            version: 1,
            children: [{ type: 'text', text: '穿行于安源区工业园。', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
          },
        ],
      },
    })
  })

  it('builds an empty root for no blocks', () => {
    expect(buildLexicalBody([]).root.children).toEqual([])
  })
})
