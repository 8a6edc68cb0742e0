import type { Payload } from 'payload'

import { buildLexicalBody } from '../../src/importer/store/buildLexicalBody'
import { publishAs } from './publishing'

export interface Page {
  status: number
  html: string
  headers: Headers
}

/**
 * GETs a reader-site page without following redirects. With a session cookie it sends what a
 * browser sends on a same-origin navigation (Sec-Fetch-Site), which Payload's CSRF check asks of
 * cookie sessions.
 */
export async function fetchPage(
  baseUrl: string,
  path: string,
  { token, headers = {} }: { token?: string; headers?: Record<string, string> } = {},
): Promise<Page> {
  const sent: Record<string, string> = token ? { cookie: `payload-token=${token}`, 'sec-fetch-site': 'same-origin', ...headers } : headers
  const response = await fetch(`${baseUrl}${path}`, { headers: sent, redirect: 'manual' })
  return { status: response.status, html: await response.text(), headers: response.headers }
}

/** The opening `<html …>` tag's lang attribute. */
export function readHtmlLang(html: string): string | null {
  return /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? null
}

/** The markup of the home page's section for one district (by its slug), or null when there is none. */
export function readDistrictSection(html: string, districtSlug: string): string | null {
  return new RegExp(`<section id="${districtSlug}"[^>]*>([\\s\\S]*?)</section>`).exec(html)?.[1] ?? null
}

export interface StoryInput {
  title: string
  subtitle?: string
  paragraphs: string[]
  districts: string[]
  originalPublishedAt?: string
  /** Traditional-script versions of the localized fields (zh-Hant). */
  hant?: { title: string; subtitle?: string; paragraphs: string[] }
}

/**
 * A story written through the Local API without a user (as the importer writes), zh-Hans then
 * zh-Hant, as a draft; `publish` makes it live as a publish transition would.
 */
export async function createStory(payload: Payload, input: StoryInput, { publish }: { publish: boolean }): Promise<{ id: string; slug: string }> {
  const body = (paragraphs: string[]) => buildLexicalBody(paragraphs.map((text) => ({ type: 'paragraph', text }) as never))
  const created = await payload.create({
    collection: 'articles',
    data: {
      title: input.title,
      subtitle: input.subtitle,
      body: body(input.paragraphs),
      districts: input.districts,
      originalPublishedAt: input.originalPublishedAt,
      _status: 'draft',
    } as never,
    draft: true,
    locale: 'zh-Hans',
    overrideAccess: true,
  })
  if (input.hant) {
    await payload.update({
      collection: 'articles',
      id: created.id,
      data: { title: input.hant.title, subtitle: input.hant.subtitle, body: body(input.hant.paragraphs) } as never,
      draft: true,
      locale: 'zh-Hant',
      overrideAccess: true,
    })
  }
  if (publish) {
    await publishAs(payload, String(created.id))
  }
  return { id: String(created.id), slug: String(created.slug) }
}
