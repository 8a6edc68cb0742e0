import { describe, expect, it } from 'vitest'
import { CHROME_THRESHOLD } from '../../../src/importer/parse/extract/extractionRules'
import { scoreChrome } from '../../../src/importer/parse/extract/scoreChrome'

describe('scoreChrome', () => {
  it.each([
    { name: 'a breadcrumb', line: '首页 > 新闻中心 > 正文', reason: 'chrome words' },
    { name: 'a navigation bar of separators', line: '新闻 | 体育 | 财经 | 娱乐', reason: 'navigation separators' },
    { name: 'a share prompt', line: '分享到：', reason: 'chrome words' },
    { name: 'a licence footer', line: '赣ICP备12345678号', reason: 'chrome words' },
    { name: 'a number alone', line: '591', reason: 'no Chinese text' },
    { name: 'an empty field label', line: '浏览量：', reason: 'empty field label' },
    { name: 'a weekday alone', line: '星期三', reason: 'weekday of the page reader' },
    { name: 'a short bullet', line: '• 我的', reason: 'navigation bullet' },
    { name: 'a link with a copy prompt', line: 'http://example.com/a/1.html 复制链接', reason: 'link' },
    { name: 'mojibake', line: '鍥介檯鏂伴椈缍插彂甯冨湴鍧€锛氭睙瑗跨渷钀嶄埂', reason: 'mojibake' },
  ])('drops $name', ({ line, reason }) => {
    const score = scoreChrome(line)
    expect(score.score).toBeGreaterThanOrEqual(CHROME_THRESHOLD)
    expect(score.reason).toBe(reason)
  })

  it.each([
    { name: 'a paragraph that mentions clicks and comments', line: '市民纷纷点击观看直播，并在评论区留言，表示这次活动让大家受益匪浅，希望今后多多举办。' },
    { name: 'a headline with one separator', line: '文化中国·某省|印象某城' },
    { name: 'a section heading', line: '项目建设提速增效' },
    { name: 'a short caption sentence', line: '田间晨雾。' },
  ])('keeps $name', ({ line }) => {
    expect(scoreChrome(line).score).toBeLessThan(CHROME_THRESHOLD)
  })
})
