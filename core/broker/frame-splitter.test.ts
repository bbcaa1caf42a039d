import { describe, expect, it } from 'vitest'
import { encodeFrame } from '../protocol/frame'
import { FrameSplitter, FrameTooLargeError } from './frame-splitter'

describe('FrameSplitter', () => {
  it('splits partial and multiple frames', () => {
    const a = encodeFrame((w) => w.int32(1))
    const b = encodeFrame((w) => w.string('xy'))
    const joined = Buffer.concat([a, b])
    const splitter = new FrameSplitter(1024)
    expect(splitter.push(joined.subarray(0, 10)).map((f) => f.toString('hex'))).toEqual(['00000001'])
    expect(splitter.pendingBytes).toBe(2)
    const rest = splitter.push(joined.subarray(10))
    expect(rest.map((f) => f.toString('hex'))).toEqual(['00027879'])
    expect(splitter.pendingBytes).toBe(0)
  })

  it('refuses negative and oversized length prefixes before allocating', () => {
    expect(() => new FrameSplitter(1024).push(Buffer.from('ffffffff', 'hex'))).toThrow(FrameTooLargeError)
    expect(() => new FrameSplitter(1024).push(Buffer.from('00100000', 'hex'))).toThrow(FrameTooLargeError)
  })
})
