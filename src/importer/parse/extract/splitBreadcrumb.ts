/** Breadcrumb and header words: "萍鄉城事網—… 門戶 城事資訊 安源區政府 查看內容" → its separate tokens. */
export function splitBreadcrumb(line: string): string[] {
  return line.split(/[\s>›»/|｜—–_]+|-{1,2}/u).filter((token) => token.trim() !== '')
}

/** Header tokens that name an administrative division (安源区政府, 上栗县新闻网), not a column that merely opens with a short name (湘东文苑): place hints for district matching. */
export function getPlaceHints(line: string): string[] {
  return splitBreadcrumb(line).filter((token) => /\p{Script=Han}{2,}[区县區縣]/u.test(token))
}
