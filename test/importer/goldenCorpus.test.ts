import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importDocument, isImportError, toDryRunJson, type DryRunJson } from '../../src/importer'
import { referenceDistricts } from '../../src/reference/districts'

const root = path.resolve(import.meta.dirname, '../..')
const fixtures = path.join(root, 'test/fixtures')

interface ExpectedJson extends Omit<DryRunJson, 'warnings'> {
  warnings: { kind: string; snippet: string }[]
}

interface GoldenCase {
  name: string
  sourcePath: string
  expectedPath: string
}

function listCases(): GoldenCase[] {
  const seeds = readdirSync(path.join(fixtures, 'seeds')).map((name) => ({
    name,
    sourcePath: path.join(root, 'seeds', `${name}.txt`),
    expectedPath: path.join(fixtures, 'seeds', name, 'expected.json'),
  }))
  const cases = readdirSync(path.join(fixtures, 'cases')).map((name) => ({
    name,
    sourcePath: path.join(fixtures, 'cases', name, 'source.txt'),
    expectedPath: path.join(fixtures, 'cases', name, 'expected.json'),
  }))
  return [...seeds, ...cases].filter((golden) => existsSync(golden.expectedPath))
}

/** Imports a file the way the CLI's dry run does and returns its JSON. */
function runDryImport(file: string, sourcePath: string): DryRunJson {
  try {
    const article = importDocument(new Uint8Array(readFileSync(sourcePath)), { fileName: file, districts: referenceDistricts })
    return toDryRunJson(file, article)
  } catch (error) {
    if (isImportError(error)) return toDryRunJson(file, error)
    throw error
  }
}

describe.each(listCases())('golden corpus: $name', ({ sourcePath, expectedPath }) => {
  const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as ExpectedJson
  const actual = runDryImport(expected.file, sourcePath)
  const paragraphsChanged = JSON.stringify(actual.paragraphs) !== JSON.stringify(expected.paragraphs)
  if (process.env.UPDATE === '1' && actual.ok && paragraphsChanged) {
    // Only the paragraphs may be rewritten, on purpose; every other field stays hand-written.
    writeFileSync(expectedPath, `${JSON.stringify({ ...expected, paragraphs: actual.paragraphs }, null, 2)}\n`)
    expected.paragraphs = actual.paragraphs
  }

  it('succeeds or fails as expected', () => {
    expect(actual.ok).toBe(expected.ok)
    expect(actual.error).toBe(expected.error)
  })

  it('detects format, encoding and script', () => {
    expect(actual.format).toBe(expected.format)
    expect(actual.encoding).toBe(expected.encoding)
    expect(actual.script).toBe(expected.script)
  })

  it('reads title, subtitle and summary', () => {
    expect(actual.title).toBe(expected.title)
    expect(actual.subtitle).toBe(expected.subtitle)
    expect(actual.summary).toBe(expected.summary)
  })

  it('reads date, source and source URL', () => {
    expect(actual.originalPublishedAt).toBe(expected.originalPublishedAt)
    expect(actual.source).toBe(expected.source)
    expect(actual.sourceUrl).toBe(expected.sourceUrl)
  })

  it('reads authors, photographers and districts', () => {
    expect(actual.authors).toEqual(expected.authors)
    expect(actual.photographers).toEqual(expected.photographers)
    expect(actual.districts).toEqual(expected.districts)
  })

  it('finds the section headings', () => {
    expect(actual.sectionHeadings).toEqual(expected.sectionHeadings)
  })

  it('finds the captions and their credits', () => {
    expect(actual.captions).toEqual(expected.captions)
  })

  it('keeps the body paragraphs', () => {
    expect(actual.paragraphs.length).toBe(expected.paragraphs.length)
    expect(actual.paragraphs[0]).toBe(expected.paragraphs[0])
    expect(actual.paragraphs.at(-1)).toBe(expected.paragraphs.at(-1))
    expect(actual.paragraphs).toEqual(expected.paragraphs)
  })

  it('reports the expected warnings, in order', () => {
    expect(actual.warnings.map((warning) => warning.kind)).toEqual(expected.warnings.map((warning) => warning.kind))
    expected.warnings.forEach((warning, index) => {
      expect(actual.warnings[index]?.snippet).toContain(warning.snippet)
    })
  })
})
