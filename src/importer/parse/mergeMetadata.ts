import type { ParsedMetadata } from './parsedDocument'

function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value.trim() !== ''))]
}

/** Combines metadata found in two places: the first source wins each single field, lists are joined without repeats. */
export function mergeMetadata(first: ParsedMetadata, second: Partial<ParsedMetadata>): ParsedMetadata {
  return {
    title: first.title ?? second.title ?? null,
    subtitle: first.subtitle ?? second.subtitle ?? null,
    summary: first.summary ?? second.summary ?? null,
    originalPublishedAt: first.originalPublishedAt ?? second.originalPublishedAt ?? null,
    source: first.source ?? second.source ?? null,
    sourceUrl: first.sourceUrl ?? second.sourceUrl ?? null,
    authors: unique([...first.authors, ...(second.authors ?? [])]),
    photographers: unique([...first.photographers, ...(second.photographers ?? [])]),
    defaultCredit: first.defaultCredit ?? second.defaultCredit ?? null,
    tags: unique([...first.tags, ...(second.tags ?? [])]),
    placeHints: unique([...first.placeHints, ...(second.placeHints ?? [])]),
  }
}
