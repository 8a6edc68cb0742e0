import { describe, expect, it } from 'vitest'

import { createJsonArrayWriter, formatSummaryTable, toSummaryRow } from '../../src/importer/formatReport'
import { countResult, createImportTotals } from '../../src/importer/importTotals'
import type { ImportFileResult } from '../../src/importer/runImport'
import type { ImportedArticle } from '../../src/importer/validate/schema'

async function writeAll(items: unknown[]): Promise<string> {
  let out = ''
  const writer = createJsonArrayWriter((chunk) => void (out += chunk))
  for (const item of items) await writer.add(item)
  await writer.close()
  return out
}

describe('createJsonArrayWriter', () => {
  it.each([
    { name: 'no items', items: [] },
    { name: 'one item', items: [{ file: 'a.txt', ok: true, paragraphs: ['第一段', '第二段'], warnings: [] }] },
    {
      name: 'several items, nested and with line breaks inside strings',
      items: [{ file: 'a.txt', captions: [{ text: '安源\n景区', credit: null }] }, { file: 'b.txt', error: 'b.txt: empty file' }, 3, 'x'],
    },
  ])('prints what JSON.stringify(items, null, 2) prints, item by item: $name', async ({ items }) => {
    const out = await writeAll(items)
    expect(out).toBe(`${JSON.stringify(items, null, 2)}\n`)
    expect(JSON.parse(out)).toEqual(items)
  })

  it('waits for each write the caller says is not done yet', async () => {
    const events: string[] = []
    const writer = createJsonArrayWriter(async (chunk) => {
      events.push(`write ${chunk.trim().slice(0, 1)}`)
      await new Promise((resolve) => setTimeout(resolve, 5))
    })
    await writer.add({ a: 1 })
    events.push('added')
    await writer.close()
    expect(events).toEqual(['write [', 'added', 'write ]'])
  })
})

function result(overrides: Partial<ImportFileResult>, title = '安源区：释放领跑工业经济“核动能”', warnings = 2): ImportFileResult {
  const article = { title, warnings: Array(warnings).fill({ kind: 'elision' }) } as unknown as ImportedArticle
  return { file: 'seeds/a.txt', ok: true, action: 'parsed', id: null, article, error: null, keptEditorFields: [], ...overrides }
}

describe('toSummaryRow / formatSummaryTable', () => {
  it('keeps a row per file, cut to the table’s widths, and the totals line under them', () => {
    const results = [
      result({ file: 'seeds/a.txt' }),
      result({ file: 'seeds/long.txt' }, '萍'.repeat(50), 0),
      result({ file: 'bad.txt', ok: false, action: null, article: null, error: 'bad.txt: empty file' }),
    ]
    const totals = results.reduce(countResult, createImportTotals())
    expect(formatSummaryTable(results.map(toSummaryRow), totals).split('\n')).toEqual([
      // Han and full-width characters take two columns; “” take one. The title column is as wide as its widest cell.
      'file            result  title / error                        warnings',
      '--------------  ------  -----------------------------------  --------',
      'seeds/a.txt     parsed  安源区：释放领跑工业经济“核动能”     2',
      `seeds/long.txt  parsed  ${'萍'.repeat(17)}…  0`,
      'bad.txt         FAILED  bad.txt: empty file',
      '',
      'created 0 · updated 0 · unchanged 0 · parsed 2 (dry run) · failed 1 · warnings 2',
    ])
  })

  it('a row holds a copy of the title, not the article it came from', () => {
    const row = toSummaryRow(result({}, '安源区：释放领跑工业经济“核动能”'))
    expect(row).toEqual(['seeds/a.txt', 'parsed', '安源区：释放领跑工业经济“核动能”', '2'])
  })
})
