import type { CSSProperties } from 'react'

import type { ReaderImage } from '../../site/readerImage'

import { buildSrcSet, pickFallbackUrl } from '../../site/readerImage'

/**
 * A photo from its derivatives: WebP first, the upload's own format for the rest, the browser
 * picking the width; the dominant colour and the blurred placeholder fill the box while it loads.
 * `crop` fills a fixed frame around the photo's focal point instead of showing it whole.
 */
export function StoryPicture({
  image,
  alt,
  sizes,
  crop = false,
  eager = false,
}: {
  image: ReaderImage
  alt: string
  sizes: string
  crop?: boolean
  eager?: boolean
}) {
  const webp = buildSrcSet(image, 'webp')
  const original = buildSrcSet(image, 'original')
  const style: CSSProperties = {
    backgroundColor: image.dominantColor ?? undefined,
    backgroundImage: image.placeholder ? `url("${image.placeholder}")` : undefined,
    objectPosition: crop && image.focalX !== null && image.focalY !== null ? `${image.focalX}% ${image.focalY}%` : undefined,
  }
  return (
    <picture className={crop ? 'photo photo--crop' : 'photo'}>
      {webp && <source type="image/webp" srcSet={webp} sizes={sizes} />}
      <img
        src={pickFallbackUrl(image) ?? undefined}
        srcSet={original || undefined}
        sizes={sizes}
        width={image.width ?? undefined}
        height={image.height ?? undefined}
        alt={alt}
        loading={eager ? 'eager' : 'lazy'}
        decoding="async"
        style={style}
      />
    </picture>
  )
}
