import { describe, expect, it } from 'vitest'

import { compileNinjsSchema, findSchemaCheckBlocker, readNinjsExamples } from '../support/syndication'

const blocker = findSchemaCheckBlocker()
if (blocker) console.warn(`ninjs schemas: skipped: ${blocker}`)

/**
 * A check on the validator the syndication tests use: IPTC's own example documents, published
 * beside each schema, must pass it, and documents breaking the schema must not.
 */
describe.skipIf(blocker)('IPTC ninjs schemas and examples (../shared/schemas/ninjs)', () => {
  describe.each(['2.2', '3.1'] as const)('ninjs %s', (version) => {
    const asSpecified = blocker ? undefined : compileNinjsSchema(version, { assertFormats: false })
    const strict = blocker ? undefined : compileNinjsSchema(version)
    const examples = blocker ? [] : readNinjsExamples(version)

    it('has IPTC examples to check', () => {
      expect(examples.length).toBeGreaterThanOrEqual(7)
    })

    it.each(examples)('IPTC example %s is valid (formats as annotations, as draft 2020-12 specifies)', (_name, example) => {
      expect(asSpecified!(example), JSON.stringify(asSpecified!.errors)).toBe(true)
    })

    it.each(examples)('IPTC example %s is valid with formats asserted too, or fails only on a relative uri', (_name, example) => {
      if (strict!(example)) return
      for (const error of strict!.errors ?? []) {
        expect(error.keyword).toBe('format')
        expect(error.params).toEqual({ format: 'uri' })
      }
    })

    it.each([
      ['without its required uri', (doc: Record<string, unknown>) => void delete doc.uri],
      ['with a property the schema does not know', (doc: Record<string, unknown>) => void (doc.headline = 'x')],
      ['with an unknown type', (doc: Record<string, unknown>) => void (doc.type = 'newspaper')],
      ['with a headline that is a string, not a list', (doc: Record<string, unknown>) => void (doc.headlines = 'x')],
    ])('an example %s is refused', (_name, breakIt) => {
      const doc = structuredClone(examples[0]![1]) as Record<string, unknown>
      expect(asSpecified!(doc)).toBe(true)
      breakIt(doc)
      expect(asSpecified!(doc)).toBe(false)
      expect(strict!(doc)).toBe(false)
    })

    it('with formats asserted, a time that is not a date-time is refused', () => {
      const doc = structuredClone(examples[0]![1]) as Record<string, unknown>
      doc[version === '2.2' ? 'versioncreated' : 'versionCreated'] = '2013-07-09 10:37'
      expect(strict!(doc)).toBe(false)
    })
  })
})
