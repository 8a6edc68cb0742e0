import type { NextFunction, Request, Response } from 'express'

/** Query parameters of Payload's REST API that take a whole number (Payload passes them on unchecked: `limit=1.5` is a 500). */
const WHOLE_NUMBER_PARAMETERS = ['limit', 'page', 'depth']

/** The first query parameter Payload would choke on, described for a 400; undefined when all are fine. */
export function malformedParameter(search: URLSearchParams): string | undefined {
  for (const name of WHOLE_NUMBER_PARAMETERS) {
    for (const value of search.getAll(name)) {
      // Empty counts as unset, as Payload reads it.
      if (!/^\d{0,9}$/.test(value)) return `${name}: expected a whole number of 0 or more, got ${JSON.stringify(value)}`
    }
  }
  // `where` is a bracketed object (where[field][operator]=value); a bare `where=…` is JSON.parsed by Payload and a 500 if it is not JSON.
  if (search.getAll('where').some((value) => value !== '')) return 'where: expected conditions like where[field][operator]=value'
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
