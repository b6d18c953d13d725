import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default algorithm) with OWASP's baseline cost.
// RIFADA_FAST_HASH lowers the cost for the test suite only.
const OPTIONS = process.env.RIFADA_FAST_HASH === "1"
  ? { memoryCost: 1024, timeCost: 1, parallelism: 1 }
  : { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 10;

/** Hash a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummy: Promise<string> | null = null;

/**
 * Check a password. With no stored hash (unknown email, account without a
 * password) a dummy hash is still verified, so timing does not tell them apart.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    dummy ??= hashPassword("not-a-real-password-0000");
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
