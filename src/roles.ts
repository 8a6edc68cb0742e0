/** Newsroom roles, in the order the admin lists them. */
export const ROLES = ['admin', 'chief-editor', 'editor', 'reporter', 'photographer'] as const
export type Role = (typeof ROLES)[number]

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  'chief-editor': { zh: '总编辑', en: 'Chief editor' },
  editor: { zh: '编辑', en: 'Editor' },
  reporter: { zh: '记者', en: 'Reporter' },
  photographer: { zh: '摄影记者', en: 'Photographer' },
}

/** Roles that write and edit stories. */
export const WRITING_ROLES: readonly Role[] = ['admin', 'chief-editor', 'editor', 'reporter']
/** Roles that edit other people's stories and reference data. */
export const EDITING_ROLES: readonly Role[] = ['admin', 'chief-editor', 'editor']
/** Roles that may publish, take down and change live content (the workflow table says when). */
export const PUBLISHING_ROLES: readonly Role[] = ['admin', 'chief-editor']
/** Roles that handle photos. */
export const PHOTO_ROLES: readonly Role[] = ['admin', 'chief-editor', 'editor', 'photographer']
/** Every newsroom role (captions: anyone may write one for a story that is not live). */
export const NEWSROOM_ROLES: readonly Role[] = ROLES

interface UserWithRoles {
  roles?: readonly string[] | null
}

export function hasAnyRole(user: UserWithRoles | null | undefined, roles: readonly Role[]): boolean {
  return Boolean(user?.roles?.some((role) => (roles as readonly string[]).includes(role)))
}
