import type { CollectionBeforeOperationHook, FlattenedField, Payload, Plugin, Where } from 'payload'

import { APIError } from 'payload'

/**
 * Operators Payload's REST API accepts on any field, while its database adapters implement them
 * only on some: `near` on a text field, `all` on SQLite (drizzle has no `all` yet) or a date
 * compared with "notadate" end in a TypeError or RangeError inside the adapter, which Payload
 * answers 500. Payload's GraphQL schema has a per-type table of operators (withOperators.ts);
 * REST has none, so the same rules are checked here, before the query reaches the database.
 */
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])
const DATE_VALUE_OPERATORS = new Set(['equals', 'not_equals', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal', 'in', 'not_in'])
const NUMBER_VALUE_OPERATORS = DATE_VALUE_OPERATORS

/** Collection operations whose arguments carry a `where` (list reads, counts, bulk update/delete). */
const OPERATIONS_WITH_WHERE = new Set(['read', 'readDistinct', 'count', 'countVersions', 'findVersions', 'update', 'delete'])
/** Operations that answer a page of documents. */
const LIST_OPERATIONS = new Set(['read', 'readDistinct', 'findVersions'])

type ParameterName = string[]

function parameterName(path: ParameterName): string {
  return `where${path.map((part) => `[${part}]`).join('')}`
}

function refuse(path: ParameterName, reason: string): never {
  throw new APIError(`${parameterName(path)}: ${reason}`, 400, undefined, true)
}

function valuesOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  if (typeof value === 'string' && value.includes(',')) return value.split(',')
  return [value]
}

function isDateValue(value: unknown): boolean {
  if (value === null) return true
  if (value instanceof Date) return !Number.isNaN(value.getTime())
  if (typeof value === 'number') return Number.isFinite(value)
  return typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Date.parse(value))
}

function isNumberValue(value: unknown): boolean {
  if (value === null) return true
  if (typeof value === 'number') return Number.isFinite(value)
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
}

const isBooleanValue = (value: unknown) => value === true || value === false || value === 'true' || value === 'false'

/** The field a dotted where-path names (through groups, arrays and relationships), or undefined to leave the path to Payload. */
function resolveField(payload: Payload, fields: FlattenedField[], segments: string[]): FlattenedField | undefined {
  const [name, ...rest] = segments
  const field = fields.find((candidate) => 'name' in candidate && candidate.name === name)
  if (!field || rest.length === 0) return field
  if (field.type === 'group' || field.type === 'array' || field.type === 'tab') return resolveField(payload, field.flattenedFields, rest)
  if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') {
    const related = payload.collections[field.relationTo]?.config.flattenedFields
    return related ? resolveField(payload, related, rest) : undefined
  }
  return undefined
}

function isHasMany(field: FlattenedField): boolean {
  return 'hasMany' in field && field.hasMany === true
}

function checkCondition(payload: Payload, field: FlattenedField, operator: string, value: unknown, path: ParameterName): void {
  const takesObject = operator === 'within' || operator === 'intersects' || field.type === 'json' || field.type === 'relationship' || field.type === 'upload'
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !takesObject) {
    refuse(path, 'expected a value, got an object')
  }
  if (GEO_OPERATORS.has(operator) && field.type !== 'point' && !(operator !== 'near' && field.type === 'json')) {
    refuse(path, `the ${operator} operator applies to point fields only; "${path[path.length - 2]}" is a ${field.type} field`)
  }
  if (operator === 'all') {
    if (payload.db.name !== 'mongoose') refuse(path, 'the all operator is not supported by this database; use in')
    if (!isHasMany(field)) refuse(path, `the all operator applies to fields holding several values; "${path[path.length - 2]}" holds one`)
  }
  if (operator === 'exists' && !isBooleanValue(value)) refuse(path, `expected true or false, got ${JSON.stringify(value)}`)
  if (field.type === 'date' && DATE_VALUE_OPERATORS.has(operator)) {
    const bad = valuesOf(value).find((item) => !isDateValue(item))
    if (bad !== undefined) refuse(path, `expected a date (ISO 8601, e.g. 2024-05-01 or 2024-05-01T08:00:00Z), got ${JSON.stringify(bad)}`)
  }
  if (field.type === 'number' && NUMBER_VALUE_OPERATORS.has(operator)) {
    const bad = valuesOf(value).find((item) => !isNumberValue(item))
    if (bad !== undefined) refuse(path, `expected a number, got ${JSON.stringify(bad)}`)
  }
  if (field.type === 'checkbox' && (operator === 'equals' || operator === 'not_equals') && !isBooleanValue(value) && value !== null) {
    refuse(path, `expected true or false, got ${JSON.stringify(value)}`)
  }
}

/** Walks a where clause (and/or nesting included) and refuses the first condition no adapter can run. */
export function assertRunnableWhere(payload: Payload, fields: FlattenedField[], where: unknown, path: ParameterName = [], versions = false): void {
  if (where === undefined || where === null) return
  if (typeof where !== 'object' || Array.isArray(where)) refuse(path, 'expected conditions like where[field][operator]=value')
  for (const [key, condition] of Object.entries(where as Where)) {
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(condition)) refuse([...path, key], 'expected a list of conditions, like where[or][0][field][operator]=value')
      condition.forEach((item, index) => assertRunnableWhere(payload, fields, item, [...path, key, String(index)], versions))
      continue
    }
    if (!condition || typeof condition !== 'object' || Array.isArray(condition)) continue
    const segments = key.split('.')
    // A version's own fields sit under `version.` in a versions query.
    const field = resolveField(payload, fields, versions && segments[0] === 'version' ? segments.slice(1) : segments)
    if (!field) continue
    for (const [operator, value] of Object.entries(condition as Record<string, unknown>)) {
      checkCondition(payload, field, operator, value, [...path, key, operator])
    }
  }
}

/**
 * Query guards for every collection, on every door that runs a collection operation (REST, GraphQL,
 * the admin): a where clause that no database adapter can run is refused 400 naming the parameter;
 * a page of a list answered to a client holds at most `maxLimit` documents (a larger limit, limit=0
 * and pagination=false get `maxLimit`). The server's own code (Local API) is not capped.
 */
export function queryGuards({ maxLimit }: { maxLimit: number }): Plugin {
  /**
   * Requests whose own list operation was seen. Hooks run Local API calls with the request's
   * `req` (so `payloadAPI` still says REST or GraphQL), some with `pagination: false`, and must
   * not be capped: only the first list operation of a request, the one the client asked for, is.
   */
  const capped = new WeakSet<object>()
  const guard: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
    if (!OPERATIONS_WITH_WHERE.has(operation)) return args
    assertRunnableWhere(req.payload, collection.flattenedFields, (args as { where?: Where }).where, [], operation === 'findVersions' || operation === 'countVersions')
    const isList = LIST_OPERATIONS.has(operation) && !('id' in args && (args as { id?: unknown }).id !== undefined)
    if (!isList || req.payloadAPI === 'local' || capped.has(req)) return args
    capped.add(req)
    const { limit, pagination } = args as { limit?: number; pagination?: boolean }
    if (pagination === false || limit === 0 || (typeof limit === 'number' && limit > maxLimit)) {
      return { ...args, limit: maxLimit, pagination: true }
    }
    return args
  }
  return (config) => ({
    ...config,
    collections: config.collections?.map((collection) => ({
      ...collection,
      hooks: { ...collection.hooks, beforeOperation: [guard, ...(collection.hooks?.beforeOperation ?? [])] },
    })),
  })
}
