import React from 'react'

import { NewsroomMark } from './Logo'

/** The small mark in the admin's navigation. */
export function Icon() {
  return <NewsroomMark size={18} />
}
