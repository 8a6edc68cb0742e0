import { describe, expect, it } from 'vitest'

import { formatBeijingAdminTime, fromBeijingWallClock, toBeijingWallClock } from '../../src/i18n/beijingTime'

/** One clock: Beijing time in one format, entered and shown the same in any browser zone. */
describe('the admin’s clock', () => {
  it.each([
    { name: 'a morning in Beijing', iso: '2026-12-03T22:50:00.000Z', shown: '2026-12-04 06:50' },
    { name: 'Beijing midnight, the day before in UTC', iso: '2026-12-31T16:00:00.000Z', shown: '2027-01-01 00:00' },
    { name: 'an afternoon (24-hour clock, no 上午/下午)', iso: '2026-06-01T07:05:00.000Z', shown: '2026-06-01 15:05' },
  ])('shows $name as $shown', ({ iso, shown }) => {
    expect(formatBeijingAdminTime(iso)).toBe(shown)
  })

  it.each([null, undefined, '', 'not a time'])('shows nothing for %j', (value) => {
    expect(formatBeijingAdminTime(value)).toBeNull()
  })

  it('a picked wall-clock time means that time in Beijing, and shows back as picked', () => {
    // What react-datepicker hands back when an editor picks 4 December 2026, 06:50, in any browser zone.
    const picked = new Date(2026, 11, 4, 6, 50)
    const iso = fromBeijingWallClock(picked)
    expect(iso).toBe('2026-12-03T22:50:00.000Z')
    const shown = toBeijingWallClock(iso)!
    expect([shown.getFullYear(), shown.getMonth(), shown.getDate(), shown.getHours(), shown.getMinutes()]).toEqual([2026, 11, 4, 6, 50])
  })

  it('nothing picked is no time', () => {
    expect(fromBeijingWallClock(null)).toBeUndefined()
    expect(toBeijingWallClock(undefined)).toBeNull()
  })
})
