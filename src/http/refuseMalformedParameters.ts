import type { NextFunction, Request, Response } from 'express'

import { jsonNestingDepth, MAX_JSON_NESTING } from './jsonNesting'

/** Query parameters of Payload's REST API that take a whole number (Payload passes them on unchecked: `limit=1.5` is a 500). */
const WHOLE_NUMBER_PARAMETERS = ['limit', 'page', 'depth']

/** The first query parameter Payload would choke on, described for a 400; undefined when all are fine. */
export function malformedParameter(search: URLSearchParams): string | undefined {
  for (const name of WHOLE_NUMBER_PARAMETERS) {
    const values = search.getAll(name)
    // Twice reaches Payload as an array: `limit=1&limit=1` is SQL `limit (?, ?)`, a 500 on SQLite.
    if (values.length > 1) return `${name}: given ${values.length} times; give it once`
    for (const value of values) {
      // Empty counts as unset, as Payload reads it.
      if (!/^\d{0,9}$/.test(value)) return `${name}: expected a whole number of 0 or more, got ${JSON.stringify(value)}`
    }
  }
  // `where` is usually bracketed (where[field][operator]=value); a bare `where=…` or `data=…` is
  // JSON.parsed by Payload, a 500 when it is not JSON (or nested deep enough to exhaust the stack).
  for (const name of ['where', 'data']) {
    for (const value of search.getAll(name)) {
      if (value === '') continue
      let parsed: unknown
      try {
        parsed = JSON.parse(value)
      } catch {
        return `${name}: expected conditions like where[field][operator]=value, or a JSON object`
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return `${name}: expected a JSON object`
      if (jsonNestingDepth(value) > MAX_JSON_NESTING) return `${name}: JSON nested deeper than ${MAX_JSON_NESTING} levels`
    }
  }
  return undefined
}

/**
 * Refuses, with 400 naming the parameter, the REST query parameters Payload would choke on.
 * What a where clause may contain is checked by queryGuards (for every door, GraphQL included).
 */
export function refuseMalformedParameters(req: Request, res: Response, next: NextFunction) {
  const query = req.originalUrl.indexOf('?')
  const problem = query < 0 ? undefined : malformedParameter(new URLSearchParams(req.originalUrl.slice(query + 1)))
  if (!problem) return next()
  res.status(400).json({ errors: [{ message: problem }] })
}
