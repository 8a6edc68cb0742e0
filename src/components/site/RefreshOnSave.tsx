'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/**
 * Payload's server-side live preview: when the admin beside this frame saves (autosave
 * included), the page re-renders on the server and shows the new draft.
 *
 * Written here rather than imported: this is `RefreshRouteOnSave` from Payload's
 * `@payloadcms/live-preview-react`, which has no release matching payload 3.90.2, and Payload's
 * dependency check rejects a mismatched @payloadcms package at start-up (outside production).
 * The protocol is the admin's (@payloadcms/ui LivePreview): the frame says it is ready, the
 * admin posts `payload-document-event` after each save.
 */
export function RefreshOnSave({ serverURL }: { serverURL: string }) {
  const router = useRouter()
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== serverURL) return
      const data = event.data as { type?: unknown } | null
      if (data && typeof data === 'object' && data.type === 'payload-document-event') router.refresh()
    }
    window.addEventListener('message', onMessage)
    // The admin waits for this before it sends events (a preview opened in its own tab has no parent: nothing happens).
    const admin = window.opener ?? (window.parent !== window ? window.parent : null)
    admin?.postMessage({ type: 'payload-live-preview', ready: true }, serverURL)
    return () => window.removeEventListener('message', onMessage)
  }, [router, serverURL])
  return null
}
