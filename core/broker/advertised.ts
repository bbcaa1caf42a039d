import { handlers } from './registry'

export interface AdvertisedRange {
  apiKey: number
  minVersion: number
  maxVersion: number
}

let cached: AdvertisedRange[] | undefined

/** The ApiVersions list: derived from the handler registry, so dispatch and advertisement never disagree. */
export function advertisedRanges(): AdvertisedRange[] {
  cached ??= handlers
    .map(({ apiKey, minVersion, maxVersion }) => ({ apiKey, minVersion, maxVersion }))
    .sort((a, b) => a.apiKey - b.apiKey)
  return cached
}
