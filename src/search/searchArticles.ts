import type { Payload } from 'payload'

import type { SearchAnswer, SearchParams } from './answerFromSearchStore'
import type { SearchAudience } from './searchDocument'

import { SEARCH_TAG } from '../delivery/changeLog/dependencyTags'
import { noteReadDependency } from '../delivery/changeLog/trackReadDependencies'
import { answerFromSearchStore, toTermGroups } from './answerFromSearchStore'
import { getSearchStore } from './getSearchStore'
import { buildQueryTerms } from './tokenize'

export type { SearchAnswer, SearchHit, SearchParams } from './answerFromSearchStore'

/**
 * The one way to search articles (the REST endpoint, the reader site, the admin's list search
 * all call it). `audience` decides what can be found: `public` holds published text only, and
 * only the caller's rights may choose `newsroom` (see searchEndpoint).
 */
export async function searchArticles(payload: Payload, params: SearchParams, audience: SearchAudience): Promise<SearchAnswer> {
  // The index is read outside the database adapter: a cached answer must say it depends on it.
  noteReadDependency(SEARCH_TAG)
  return answerFromSearchStore(getSearchStore(payload), params, audience)
}

/** The ids of the best `limit` matches, no snippets: for the admin's list search. */
export async function searchArticleIds(payload: Payload, q: string, audience: SearchAudience, limit: number): Promise<string[]> {
  noteReadDependency(SEARCH_TAG)
  const { hits } = await getSearchStore(payload).search({ termGroups: toTermGroups(buildQueryTerms(q)), audience, limit, offset: 0, countUpTo: limit })
  return hits.map((hit) => hit.articleId)
}
