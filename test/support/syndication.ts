import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { XMLParser, XMLValidator } from 'fast-xml-parser'

import { failInCiWhenBlocked } from './browser'

const projectRoot = path.resolve(import.meta.dirname, '../..')

/** The published schemas (IPTC ninjs, Sitemaps XSDs), kept beside the project: ../shared/schemas, or SCHEMAS_DIR. */
export const SCHEMAS_DIR = process.env.SCHEMAS_DIR ?? path.resolve(projectRoot, '../shared/schemas')

/** Why the schema checks cannot run here (no schemas, no xmllint), or null; in CI a blocker fails the file. */
export function findSchemaCheckBlocker(): string | null {
  const blocker = !fs.existsSync(path.join(SCHEMAS_DIR, 'ninjs/ninjs-schema_3.1.json'))
    ? `no published schemas at ${SCHEMAS_DIR} (set SCHEMAS_DIR to the shared/schemas folder)`
    : spawnSync('xmllint', ['--version']).error
      ? 'no xmllint (apt-get install -y libxml2-utils)'
      : null
  return failInCiWhenBlocked(blocker, 'schema validation (ninjs, sitemaps)')
}

/** Elements that may repeat come back as arrays even when there is one (Atom's links, not RSS's single link). */
const REPEATABLE = new Set(['rss.channel.item', 'rss.channel.item.category', 'feed.entry', 'feed.link', 'feed.entry.link', 'feed.entry.author', 'feed.entry.category', 'urlset.url'])
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (_name, jpath) => REPEATABLE.has(String(jpath)) })

/** Parses XML with a real parser, failing the test on anything that is not well-formed. */
export function parseXml(xml: string): any {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`)
  return parser.parse(xml)
}

/** Validates a document against an XSD with libxml2's xmllint; returns its complaints ('' when valid). */
export function validateWithXsd(xml: string, xsdFile: string): { valid: boolean; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xsd-'))
  const file = path.join(dir, 'document.xml')
  fs.writeFileSync(file, xml)
  try {
    execFileSync('xmllint', ['--noout', '--schema', xsdFile, file], { stdio: 'pipe' })
    return { valid: true, output: '' }
  } catch (error) {
    return { valid: false, output: String((error as { stderr?: Buffer }).stderr ?? error) }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * A Google News sitemap without its news: elements and namespace: what is left is a plain
 * Sitemaps protocol urlset for sitemap.xsd, whose `##other` wildcard is strict and there is no
 * published XSD for Google's extension (its elements are checked in code instead).
 */
export function stripNewsExtension(xml: string): string {
  return xml.replace(/<news:news>[\s\S]*?<\/news:news>/g, '').replace(/\s+xmlns:news="[^"]*"/, '')
}

/**
 * The one schema IPTC's ninjs schemas reference from outside (places[].geoJSON). geojson.org cannot
 * be reached from the build machines and no copy is published beside ninjs, so it stands in as
 * "any object": neither the CMS's documents nor IPTC's examples carry geoJSON, so nothing is let through by it.
 */
const GEOJSON_PLACEHOLDER = { $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' }

/**
 * IPTC's ninjs JSON Schemas (draft 2020-12 for both 2.2 and 3.1). Draft 2020-12 makes `format` an
 * annotation, not an assertion, and IPTC's own examples rely on that (002_renditions_example's
 * `uri` is the relative "renditions-example"); `assertFormats` checks formats as well (uri,
 * date-time), stricter than the schema, for the CMS's own documents, so strict partners accept them too.
 */
export function compileNinjsSchema(version: '2.2' | '3.1', { assertFormats = true }: { assertFormats?: boolean } = {}): ValidateFunction {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: assertFormats })
  if (assertFormats) (addFormats as unknown as (ajv: Ajv2020) => void)(ajv)
  ajv.addSchema(GEOJSON_PLACEHOLDER)
  const schema = JSON.parse(fs.readFileSync(path.join(SCHEMAS_DIR, `ninjs/ninjs-schema_${version}.json`), 'utf8'))
  return ajv.compile(schema)
}

/** IPTC's own example documents for a version: [file name, document]. */
export function readNinjsExamples(version: '2.2' | '3.1'): [string, unknown][] {
  const dir = path.join(SCHEMAS_DIR, `ninjs/examples-${version}`)
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => [name, JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'))])
}
