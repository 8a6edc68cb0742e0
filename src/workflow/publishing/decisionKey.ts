/** Decisions are noted by article id; a new article has none yet in beforeChange. */
export function decisionKey(operation: string, id: unknown): string {
  return operation === 'create' || id === undefined || id === null ? 'new article' : String(id)
}
