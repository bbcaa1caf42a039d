// Minimal declarations for untyped dependencies used by the codecs.
declare module 'snappyjs' {
  export function compress(input: Buffer): Buffer
  export function uncompress(input: Buffer, maxLength?: number): Buffer
}
