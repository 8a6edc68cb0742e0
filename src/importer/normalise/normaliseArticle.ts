import type { ParsedDocument } from '../parse/parsedDocument'
import type { Block, Caption, Script, Warning } from '../validate/schema'
import { detectElision } from './detectElision'
import { detectLostText } from './detectLostText'
import { detectMojibake } from './detectMojibake'
import { detectSummaryDuplicate } from './detectSummaryDuplicate'
import { rejoinParagraphs } from './rejoinParagraphs'

export interface NormalisedBody {
  blocks: Block[]
  paragraphs: string[]
  sectionHeadings: string[]
  captions: Caption[]
  photographers: string[]
  warnings: Warning[]
}

/**
 * Turns the parser's items into the article body: cut paragraphs rejoined,
 * headings and paragraphs as blocks, each caption placed before the block it
 * precedes, and the warnings about lost, garbled, elided or repeated text.
 * Never drops body text: everything it finds is a warning.
 */
export function normaliseArticle(parsed: ParsedDocument, script: Script): NormalisedBody {
  const rejoined = rejoinParagraphs(parsed.items)
  const blocks: Block[] = []
  const captions: Caption[] = []
  for (const item of rejoined.items) {
    if (item.kind === 'caption') captions.push({ text: item.text, credit: item.credit, position: blocks.length })
    else blocks.push({ type: item.kind, text: item.text })
  }
  const paragraphs = blocks.filter((block) => block.type === 'paragraph').map((block) => block.text)
  const sectionHeadings = blocks.filter((block) => block.type === 'heading').map((block) => block.text)
  const credited = captions.flatMap((caption) => (caption.credit ? caption.credit.split('、') : []))

  const warnings = [
    ...parsed.warnings,
    ...rejoined.warnings,
    ...detectLostText(paragraphs),
    ...detectMojibake({ title: parsed.title, subtitle: parsed.subtitle, summary: parsed.summary, paragraphs }, script),
    ...detectElision({ summary: parsed.summary, paragraphs }),
    ...detectSummaryDuplicate(parsed.summary, paragraphs),
  ]
  return {
    blocks,
    paragraphs,
    sectionHeadings,
    captions,
    photographers: [...new Set([...parsed.photographers, ...credited])],
    warnings,
  }
}
