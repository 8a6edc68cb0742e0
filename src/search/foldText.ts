import { toSimplified } from '../text/chineseConverters'

/**
 * One form for the index and for queries: full-width letters and digits made half-width (NFKC),
 * lower case, and traditional script made simplified with the project's own OpenCC converter,
 * so 萍鄉 finds 萍乡 and 工業輝煌 finds 工业辉煌.
 */
export function foldText(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase())
}
