// openStorage lives with defaultDataDir in data-dir.ts; this module is the import path the broker uses.
export { openStorage, type OpenStorageOptions } from './data-dir'
