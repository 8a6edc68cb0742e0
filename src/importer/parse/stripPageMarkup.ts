/**
 * Blocks of a markdown or Jekyll post that are page machinery, not article
 * text: fenced code, <script>/<iframe>/<style> blocks, HTML comments, Liquid
 * tags ({% … %}), bare <div>/<hr> lines and table separator rows. Each is
 * replaced by as many line breaks as it spanned, so line numbers hold. A Liquid
 * image include ({% include img.html … alt="…" %}) becomes a markdown image,
 * whose alt text is the caption.
 */

const FENCE = /^(?:```|~~~)[^\n]*\n[\s\S]*?^(?:```|~~~)[ \t]*$/gmu
const HTML_BLOCK = /<(script|iframe|style|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/giu
const COMMENT = /<!--[\s\S]*?-->/gu
const LIQUID_IMAGE = /\{%\s*include\s+[^%]*?\balt\s*=\s*(["'])([^"'\n]*)\1[^\n]*?%\}/gu
const LIQUID = /\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/gu
const BARE_TAG_LINE = /^[ \t]*<\/?(?:div|hr|br|section|span|center)\b[^>]*>[ \t]*$/gimu
const TABLE_RULE = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$/gmu

const blankLines = (block: string) => block.replace(/[^\n]+/gu, '')

export function stripPageMarkup(text: string): string {
  return text
    .replace(FENCE, blankLines)
    .replace(HTML_BLOCK, blankLines)
    .replace(COMMENT, blankLines)
    .replace(LIQUID_IMAGE, (_, _quote: string, alt: string) => `![${alt}]()`)
    .replace(LIQUID, blankLines)
    .replace(BARE_TAG_LINE, '')
    .replace(TABLE_RULE, '')
}
