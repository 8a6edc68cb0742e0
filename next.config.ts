import type { NextConfig } from 'next'

import { withPayload } from '@payloadcms/next/withPayload'

/**
 * The Express server (src/server.ts) initialises Payload before Next starts and
 * Next's route handlers reuse that instance through Payload's global cache.
 * That only works when both load the *same* module instances, so the server-side
 * Payload packages stay external in production too (withPayload externalises them
 * in development only).
 */
const sharedServerPackages = [
  'payload',
  '@payloadcms/db-sqlite',
  '@payloadcms/db-mongodb',
  '@payloadcms/drizzle',
  '@payloadcms/graphql',
  'sharp',
]

const nextConfig: NextConfig = {
  serverExternalPackages: sharedServerPackages,
  poweredByHeader: false,
  // Type checking runs in `npm run typecheck`; the production build need not repeat it.
  typescript: { ignoreBuildErrors: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
