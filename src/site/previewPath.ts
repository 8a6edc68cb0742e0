import { buildLocalePath, isSiteLocale, SITE_LOCALES } from './siteLocales'

/** Where editors preview drafts: `/preview/articles/<id>` (any id type: UUID or ObjectID strings). */
export const PREVIEW_ROUTE = '/preview'

/**
 * Every path prefix a preview page answers on: the public one and the internal `[locale]`
 * forms it is rewritten to (next.config.ts), which a client could also request directly.
 */
export const PREVIEW_PATH_PREFIXES: readonly string[] = [PREVIEW_ROUTE, ...SITE_LOCALES.map((locale) => `/${locale}${PREVIEW_ROUTE}`)]

/** The preview page of an article's draft in the editor's locale, e.g. "/preview/articles/66f…?locale=zh-Hant". */
export function buildArticlePreviewPath(id: string, locale?: string | null): string {
  const path = `${PREVIEW_ROUTE}/articles/${encodeURIComponent(id)}`
  return isSiteLocale(locale) ? buildLocalePath(path, locale) : path
}

/**
 * The same as an absolute URL on the CMS's own origin (SERVER_URL). Payload's live preview
 * needs it absolute: the admin accepts the preview frame's messages only from the origin the
 * URL starts with. Null for a document not saved yet (no id): there is nothing to preview.
 */
export function buildArticlePreviewUrl(serverURL: string, id: unknown, locale?: string | null): string | null {
  if ((typeof id !== 'string' && typeof id !== 'number') || id === '') return null
  return `${serverURL.replace(/\/+$/, '')}${buildArticlePreviewPath(String(id), locale)}`
}
