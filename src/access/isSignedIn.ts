import type { Access } from 'payload'

/** Any signed-in newsroom user. */
export const isSignedIn: Access = ({ req: { user } }) => Boolean(user)
