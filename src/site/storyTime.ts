import type { Article } from '../payload-types'

export type DatedStory = Pick<Article, 'originalPublishedAt' | 'updatedAt'>

/** When a story went live here, from its audit trail: its first publish and its latest one (a republish or a live edit). */
export interface Publications {
  first: string
  last: string
}

export interface StoryTimes {
  /** 发布时间: the original publication time (an imported story's own date), else when it first went live here. */
  published: string
  /** 更新时间: when it was last published, only when that was after it first went live. */
  updated: string | null
}

/**
 * The times a reader sees on a story. Without its publications (a draft preview, or a story the
 * audit trail does not know) the last live save stands in for its publication.
 */
export function getStoryTimes(story: DatedStory, publications?: Publications | null): StoryTimes {
  const published = story.originalPublishedAt ?? publications?.first ?? story.updatedAt
  // One publish writes one audit entry: a later one is a republish or a live edit.
  const updated = publications && Date.parse(publications.last) > Date.parse(publications.first) ? publications.last : null
  return { published, updated }
}

/**
 * Stories newest first by their publication time (an imported story by its original date, not
 * the day it was imported), at most `limit`; `publicationsOf` gives each story's audit-trail times.
 */
export function sortLatestFirst<T extends DatedStory>(stories: readonly T[], limit: number, publicationsOf?: (story: T) => Publications | undefined): T[] {
  const time = (story: T) => Date.parse(getStoryTimes(story, publicationsOf?.(story)).published)
  return [...stories].sort((a, b) => time(b) - time(a)).slice(0, limit)
}
