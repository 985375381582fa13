import { createHash, randomBytes } from 'node:crypto'

/** 32 bytes from the CSPRNG (256 bits; ASVS 5.0 7.2.3 asks ≥ 128), base64url. */
export const newToken = () => randomBytes(32).toString('base64url')

/** Tokens are stored only as their sha256, so a database leak yields no usable cookie. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export const newId = () => crypto.randomUUID()
