import { z } from 'zod'

/**
 * The importer's output: one article read from one source document, before
 * anything touches the database. Exported as a zod schema (the last step of
 * the pipeline validates against it) and as the TypeScript type.
 */

export const FORMATS = ['markdown', 'print-layout', 'jekyll', 'plain', 'portal-page'] as const
export const formatSchema = z.enum(FORMATS)
export type Format = z.infer<typeof formatSchema>

/** 'utf-8-bom' is UTF-8 that started with a byte order mark (stripped when decoding). */
export const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030', 'big5'] as const
export const encodingSchema = z.enum(ENCODINGS)
export type Encoding = z.infer<typeof encodingSchema>

export const scriptSchema = z.enum(['zh-Hans', 'zh-Hant'])
export type Script = z.infer<typeof scriptSchema>

export const WARNING_KINDS = [
  'pinyin-removed',
  'chrome-removed',
  'headline-deck',
  'paragraph-rejoined',
  'lost-text',
  'mojibake',
  'elision',
  'summary-duplicate',
  'missing-title',
  'line-dropped',
] as const
export const warningKindSchema = z.enum(WARNING_KINDS)
export type WarningKind = z.infer<typeof warningKindSchema>

/** A problem found while importing, with its place: paragraph index (0-based, in `paragraphs`) and/or source line (1-based). */
export const warningSchema = z.object({
  kind: warningKindSchema,
  severity: z.enum(['info', 'warning']),
  message: z.string().min(1),
  snippet: z.string(),
  paragraph: z.number().int().min(0).optional(),
  line: z.number().int().min(1).optional(),
})
export type Warning = z.infer<typeof warningSchema>

const text = z.string().trim().min(1, 'must not be empty')

export const droppedLineSchema = z.object({ line: z.number().int().min(1), text: z.string(), reason: z.string().min(1) })
export type DroppedLine = z.infer<typeof droppedLineSchema>

export const blockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text }),
  z.object({ type: z.literal('paragraph'), text }),
])
export type Block = z.infer<typeof blockSchema>

/**
 * A photo caption. `position` is where it sits in the body: before blocks[position]
 * (0 = before the first block, blocks.length = after the last one).
 */
export const captionSchema = z.object({
  text,
  credit: z.string().min(1).nullable(),
  position: z.number().int().min(0),
})
export type Caption = z.infer<typeof captionSchema>

/** ISO 8601 with the +08:00 offset (sources are China time), e.g. 2022-01-03T07:00:29+08:00. */
const publishedAt = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/, 'must be ISO 8601 with a +08:00 offset')

export const importedArticleSchema = z
  .object({
    format: formatSchema,
    encoding: encodingSchema,
    script: scriptSchema,
    /** null when the page has no headline: the article still imports, with a missing-title warning. */
    title: text.max(200, 'must be at most 200 characters').nullable(),
    subtitle: text.nullable(),
    summary: text.nullable(),
    originalPublishedAt: publishedAt.nullable(),
    source: text.nullable(),
    sourceUrl: z.url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL' }).nullable(),
    authors: z.array(text),
    photographers: z.array(text),
    defaultCredit: text.nullable(),
    districts: z.array(text),
    tags: z.array(text),
    sectionHeadings: z.array(text),
    captions: z.array(captionSchema),
    paragraphs: z.array(text).min(1, 'must hold at least one paragraph'),
    blocks: z.array(blockSchema).min(1, 'must hold at least one block'),
    warnings: z.array(warningSchema),
    /** Source lines left out of the article (chrome, metadata, kickers), with the reason: provenance an editor can restore from. */
    droppedLines: z.array(droppedLineSchema),
  })
  .refine((article) => article.captions.every((caption) => caption.position <= article.blocks.length), {
    message: 'a caption position points past the last block',
    path: ['captions'],
  })
export type ImportedArticle = z.infer<typeof importedArticleSchema>
