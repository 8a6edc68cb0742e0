/** Prints the usage and exits when --help was given. */
export function exitWithUsageOnHelp(help: boolean | undefined, usage: string): void {
  if (!help) return
  console.log(usage)
  process.exit(0)
}

/** A reader of whole-number options ≥ 1 that names the option and prints the usage when one is not. */
export function positiveOptionReader(usage: string) {
  return (name: string, text: string): number => {
    const value = Number(text)
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} expects a whole number ≥ 1 (got "${text}")\n${usage}`)
    return value
  }
}
