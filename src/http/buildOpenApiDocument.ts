import type { FlattenedField, Payload, PayloadRequest, SanitizedCollectionConfig } from 'payload'

import { SEARCH_OPENAPI_PATHS } from '../search/searchOpenApi'

type JsonSchema = Record<string, unknown>

/** A request as an anonymous caller would make it: what access functions are asked here. */
function anonymousRequest(payload: Payload): PayloadRequest {
  return { user: null, payload, context: {}, headers: new Headers() } as unknown as PayloadRequest
}

/** Whether an anonymous caller may read the field: no read rule, or one that answers true with no user. */
function isPublicField(field: FlattenedField, req: PayloadRequest): boolean {
  if ('hidden' in field && field.hidden) return false
  const read = (field as { access?: { read?: (args: unknown) => unknown } }).access?.read
  if (!read) return true
  try {
    return read({ req, data: {}, doc: {}, siblingData: {} }) === true
  } catch {
    // A rule that needs a document cannot be decided without one: leave the field out.
    return false
  }
}

/** Whether an anonymous caller may read some documents of the collection (all, or those a query selects). */
export function isPublicCollection(collection: SanitizedCollectionConfig, payload: Payload): boolean {
  const read = collection.access?.read
  if (!read) return false
  const answer = read({ req: anonymousRequest(payload) } as never)
  return answer === true || (typeof answer === 'object' && answer !== null)
}

const schemaName = (slug: string) =>
  slug
    .split(/[-_]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')

interface Walk {
  req: PayloadRequest
  publicSlugs: Set<string>
  /** Collections with a `defaultPopulate`: embedded in other documents with those fields only. */
  populatedSlugs: Set<string>
  localized: boolean
}

/** The schema a document of the collection has when embedded in another (depth ≥ 1). */
const populatedSchemaName = (slug: string, walk: Walk) => (walk.populatedSlugs.has(slug) ? `${schemaName(slug)}Populated` : schemaName(slug))

function relationSchema(relationTo: string | string[], hasMany: boolean, walk: Walk): JsonSchema {
  const targets = Array.isArray(relationTo) ? relationTo : [relationTo]
  const one: JsonSchema = {
    oneOf: [
      { type: 'string', description: 'ID (depth 0)' },
      ...targets.filter((slug) => walk.publicSlugs.has(slug)).map((slug) => ({ $ref: `#/components/schemas/${populatedSchemaName(slug, walk)}` })),
    ],
  }
  const item = Array.isArray(relationTo)
    ? { type: 'object', properties: { relationTo: { type: 'string', enum: targets }, value: one } }
    : one
  return hasMany ? { type: 'array', items: item } : { anyOf: [item, { type: 'null' }] }
}

function fieldSchema(field: FlattenedField, walk: Walk): JsonSchema | undefined {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      return 'hasMany' in field && field.hasMany ? { type: 'array', items: { type: 'string' } } : { type: ['string', 'null'] }
    case 'number':
      return field.hasMany ? { type: 'array', items: { type: 'number' } } : { type: ['number', 'null'] }
    case 'checkbox':
      return { type: ['boolean', 'null'] }
    case 'date':
      return { type: ['string', 'null'], format: 'date-time' }
    case 'select':
    case 'radio': {
      const values = field.options.map((option) => (typeof option === 'string' ? option : option.value))
      const one = { type: 'string', enum: values }
      return 'hasMany' in field && field.hasMany ? { type: 'array', items: one } : { anyOf: [one, { type: 'null' }] }
    }
    case 'point':
      return { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 }
    case 'json':
      return {}
    case 'richText':
      return { type: ['object', 'null'], description: 'Lexical editor state (root.children)' }
    case 'relationship':
    case 'upload':
      return relationSchema(field.relationTo as string | string[], Boolean(field.hasMany), walk)
    case 'join':
      return {
        type: 'object',
        properties: {
          docs: { type: 'array', items: relationSchema(field.collection as string, false, walk) },
          hasNextPage: { type: 'boolean' },
          totalDocs: { type: 'integer' },
        },
      }
    case 'group':
    case 'tab':
      return objectSchema(field.flattenedFields, walk)
    case 'array':
      return { type: 'array', items: objectSchema(field.flattenedFields, walk) }
    case 'blocks':
      return {
        type: 'array',
        items: { oneOf: field.blocks.map((block) => ({ ...objectSchema(block.flattenedFields, walk), title: block.slug })) },
      }
    default:
      return undefined
  }
}

/** The JSON Schema of a set of fields as an anonymous caller receives them: fields they may not read are left out. */
function objectSchema(fields: FlattenedField[], walk: Walk): JsonSchema {
  const properties: Record<string, JsonSchema> = {}
  for (const field of fields) {
    if (!isPublicField(field, walk.req)) continue
    const schema = fieldSchema(field, walk)
    if (!schema) continue
    const localized = walk.localized && 'localized' in field && field.localized
    properties[field.name] = localized ? { ...schema, description: 'Localized: the requested locale, with fallback' } : schema
  }
  return { type: 'object', properties }
}

const queryParameters = (locales: string[]) => [
  { name: 'where', in: 'query', style: 'deepObject', explode: true, schema: { type: 'object' }, description: 'Payload query, e.g. where[slug][equals]=…' },
  { name: 'limit', in: 'query', schema: { type: 'integer', default: 10 } },
  { name: 'page', in: 'query', schema: { type: 'integer', default: 1 } },
  { name: 'sort', in: 'query', schema: { type: 'string' }, description: 'Field name, `-` prefix for descending' },
  { name: 'depth', in: 'query', schema: { type: 'integer', default: 2 } },
  { name: 'select', in: 'query', style: 'deepObject', explode: true, schema: { type: 'object' } },
  { name: 'populate', in: 'query', style: 'deepObject', explode: true, schema: { type: 'object' } },
  ...(locales.length > 0
    ? [
        { name: 'locale', in: 'query', schema: { type: 'string', enum: locales } },
        { name: 'fallback-locale', in: 'query', schema: { type: 'string', enum: [...locales, 'none'] } },
      ]
    : []),
]

/**
 * The OpenAPI 3.1 document of the public read API, built from Payload's sanitized config:
 * one list and one by-id endpoint per collection an anonymous caller may read, with each
 * collection's schema made of the fields an anonymous caller receives.
 */
export function buildOpenApiDocument(payload: Payload, options: { serverUrl: string; title: string }): JsonSchema {
  const { config } = payload
  const req = anonymousRequest(payload)
  const collections = config.collections.filter((collection) => isPublicCollection(collection, payload))
  const walk: Walk = {
    req,
    publicSlugs: new Set(collections.map((c) => c.slug)),
    populatedSlugs: new Set(collections.filter((c) => c.defaultPopulate && Object.keys(c.defaultPopulate).length > 0).map((c) => c.slug)),
    localized: Boolean(config.localization),
  }
  const locales = config.localization ? config.localization.localeCodes : []
  const schemas: Record<string, JsonSchema> = {}
  const paths: Record<string, JsonSchema> = {}
  for (const collection of collections) {
    const name = schemaName(collection.slug)
    const schema = objectSchema(collection.flattenedFields, walk)
    schemas[name] = { ...schema, properties: { id: { type: 'string' }, ...(schema.properties as object) } }
    if (walk.populatedSlugs.has(collection.slug)) {
      // Payload's defaultPopulate: an embedded document carries its id and these fields only (include-mode select).
      const selected = new Set(Object.keys(collection.defaultPopulate as object))
      const properties = Object.entries(schemas[name]!.properties as Record<string, JsonSchema>).filter(([key]) => key === 'id' || selected.has(key))
      schemas[populatedSchemaName(collection.slug, walk)] = {
        type: 'object',
        description: `A ${schemaName(collection.slug)} document as embedded in another (depth ≥ 1): the collection's defaultPopulate fields.`,
        properties: Object.fromEntries(properties),
      }
    }
    const ref = { $ref: `#/components/schemas/${name}` }
    const label = typeof collection.labels?.plural === 'object' ? (collection.labels.plural as Record<string, string>).en : collection.slug
    paths[`/api/${collection.slug}`] = {
      get: {
        operationId: `list${name}`,
        summary: `List ${label}`,
        tags: [collection.slug],
        parameters: queryParameters(locales),
        responses: {
          200: {
            description: 'A page of documents',
            headers: { ETag: { schema: { type: 'string' } }, 'Cache-Control': { schema: { type: 'string' } } },
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    docs: { type: 'array', items: ref },
                    totalDocs: { type: 'integer' },
                    limit: { type: 'integer' },
                    page: { type: 'integer' },
                    totalPages: { type: 'integer' },
                    hasNextPage: { type: 'boolean' },
                    hasPrevPage: { type: 'boolean' },
                  },
                },
              },
            },
          },
          304: { description: 'Not modified (If-None-Match matched the ETag)' },
          400: { description: 'A query on a field that cannot be queried' },
          429: { description: 'Rate limit exceeded; see Retry-After' },
        },
      },
    }
    paths[`/api/${collection.slug}/{id}`] = {
      get: {
        operationId: `get${name}`,
        summary: `One ${label} by ID`,
        tags: [collection.slug],
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          ...queryParameters(locales).filter((parameter) => !['where', 'limit', 'page', 'sort'].includes(parameter.name)),
        ],
        responses: {
          200: { description: 'The document', content: { 'application/json': { schema: ref } } },
          304: { description: 'Not modified' },
          404: { description: 'No such document, or not published' },
        },
      },
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: options.title, version: '1', description: 'Public read API: published content only. Generated from the Payload collection configs.' },
    servers: [{ url: options.serverUrl }],
    paths: { ...paths, ...SEARCH_OPENAPI_PATHS },
    components: { schemas },
  }
}
