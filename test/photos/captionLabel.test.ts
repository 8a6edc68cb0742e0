import { describe, expect, it } from 'vitest'

import { formatCaptionLabel } from '../../src/photos/captionLabel'
import { newsroomTranslations } from '../../src/i18n/newsroomTranslations'

describe('formatCaptionLabel: a photo block’s header names its caption', () => {
  it.each([
    { name: 'a short caption whole', text: '景美人 喜迎客来', expected: '景美人 喜迎客来' },
    { name: 'exactly 24 characters: not cut', text: '一二三四五六七八九十一二三四五六七八九十一二三四', expected: '一二三四五六七八九十一二三四五六七八九十一二三四' },
    { name: '25 characters: cut at 24, with an ellipsis', text: '一二三四五六七八九十一二三四五六七八九十一二三四五', expected: '一二三四五六七八九十一二三四五六七八九十一二三四…' },
    { name: 'line breaks and runs of spaces become one space', text: ' 青山傍居\n\n秀美村庄 ', expected: '青山傍居 秀美村庄' },
    { name: 'characters outside the BMP count as one', text: `${'𠀀'.repeat(25)}`, expected: `${'𠀀'.repeat(24)}…` },
  ])('$name', ({ text, expected }) => {
    expect(formatCaptionLabel(text)).toBe(expected)
  })

  it('before a caption is chosen the header says what the block is, in the admin’s language', () => {
    expect(newsroomTranslations.zh.newsroom.photoWithCaption).toBe('图片及说明')
    expect(newsroomTranslations.en.newsroom.photoWithCaption).toBe('Photo with caption')
  })
})
