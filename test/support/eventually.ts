export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Polls until the check passes or the time is up (checking once more then); returns whether it passed. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000, everyMs = 150): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await sleep(everyMs)
  }
  return check()
}
