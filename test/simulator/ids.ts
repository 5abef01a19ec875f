import { randomBytes } from 'node:crypto';

/** A source of uniformly distributed 32-bit unsigned integers. */
export interface RandomSource {
  uint32(): number;
}

/**
 * mulberry32: tiny and good enough for test fixtures. It is NOT used for anything
 * security-relevant; a seeded simulator exists so demo output is reproducible.
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return {
    uint32(): number {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (t ^ (t >>> 14)) >>> 0;
    },
  };
}

export function cryptoRandom(): RandomSource {
  // Buffer a chunk so we don't make a syscall per character.
  let pool = Buffer.alloc(0);
  let offset = 0;
  return {
    uint32(): number {
      if (offset + 4 > pool.length) {
        pool = randomBytes(1024);
        offset = 0;
      }
      const value = pool.readUInt32LE(offset);
      offset += 4;
      return value;
    },
  };
}

export const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const HEX = '0123456789abcdef';

export function randomString(rng: RandomSource, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    // Scaling instead of modulo keeps the bias below anything a test could notice.
    out += alphabet.charAt(Math.floor((rng.uint32() / 0x1_0000_0000) * alphabet.length));
  }
  return out;
}

/** Generates every identifier and secret the simulator hands out, never repeating one. */
export class IdFactory {
  private readonly issued = new Set<string>();

  constructor(private readonly rng: RandomSource) {}

  /** e.g. id('BKNG-', 12) → 'BKNG-J4FR05BKEWEX' */
  id(prefix: string, length: number): string {
    return this.unique(() => prefix + randomString(this.rng, UPPER_ALNUM, length));
  }

  /** OnceHub does not document the REST key format; 40 base62 chars is our stand-in. */
  apiKey(): string {
    return this.unique(() => randomString(this.rng, BASE62, 40));
  }

  /** Matches the documented example secret: 32 lowercase hex characters. */
  webhookSecret(): string {
    return this.unique(() => randomString(this.rng, HEX, 32));
  }

  hex(length: number): string {
    return randomString(this.rng, HEX, length);
  }

  lowerAlnum(length: number): string {
    return randomString(this.rng, LOWER_ALNUM, length);
  }

  private unique(make: () => string): string {
    for (;;) {
      const candidate = make();
      if (!this.issued.has(candidate)) {
        this.issued.add(candidate);
        return candidate;
      }
    }
  }
}
