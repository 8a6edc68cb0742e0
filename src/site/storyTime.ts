import type { Article } from '../payload-types'

export type DatedStory = Pick<Article, 'originalPublishedAt' | 'updatedAt'>

export interface StoryTime {
  iso: string
  /** `published`: the story's original publication time; `updated`: when its live version was last saved. */
  kind: 'published' | 'updated'
}

/** The time a reader sees on a story: its original publication time when the newsroom has one, else its last published save. */
export function getStoryTime(story: DatedStory): StoryTime {
  return story.originalPublishedAt ? { iso: story.originalPublishedAt, kind: 'published' } : { iso: story.updatedAt, kind: 'updated' }
}

/** Stories newest first by the time readers see on them (getStoryTime), at most `limit`. */
export function sortLatestFirst<T extends DatedStory>(stories: readonly T[], limit: number): T[] {
  const time = (story: T) => Date.parse(getStoryTime(story).iso)
  return [...stories].sort((a, b) => time(b) - time(a)).slice(0, limit)
}
