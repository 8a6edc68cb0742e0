import type { Payload } from 'payload'

import { DISTRICTS_SLUG } from '../../collections/slugs'
import { referenceDistricts, type ReferenceDistrict } from '../reference/districts'

async function findDistrictIdByCode(payload: Payload, code: string): Promise<string | undefined> {
  const { docs } = await payload.find({
    collection: DISTRICTS_SLUG,
    where: { code: { equals: code } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0]?.id
}

async function createDistrict(payload: Payload, district: ReferenceDistrict, parentId: string | undefined) {
  const { parentCode: _parentCode, ...fields } = district
  try {
    await payload.create({
      collection: DISTRICTS_SLUG,
      data: { ...fields, parent: parentId },
      overrideAccess: true,
    })
  } catch (error) {
    // Another app server starting at the same moment may have created it: the unique code decides.
    if (!(await findDistrictIdByCode(payload, district.code))) throw error
  }
}

/**
 * Creates the reference districts that are missing, keyed by administrative code.
 * Existing districts are left alone, so an editor's edits survive restarts.
 * Returns the number created.
 */
export async function seedReferenceDistricts(payload: Payload): Promise<number> {
  let created = 0
  for (const district of referenceDistricts) {
    if (await findDistrictIdByCode(payload, district.code)) continue
    const parentId = district.parentCode ? await findDistrictIdByCode(payload, district.parentCode) : undefined
    await createDistrict(payload, district, parentId)
    created++
  }
  if (created > 0) payload.logger.info(`Reference districts: created ${created}`)
  return created
}
