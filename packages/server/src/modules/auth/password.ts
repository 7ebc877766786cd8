import { Algorithm, hash, verify } from '@node-rs/argon2';
import { DomainError, ErrorCode } from '../../core/errors';

// OWASP's argon2id minimum: m = 19 MiB, t = 2, p = 1
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (plain: string) => hash(plain, OPTIONS);

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await verify(stored, plain);
  } catch {
    return false;
  }
}

/** Verifying against this keeps an unknown username as slow as a wrong password. */
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword('not-a-real-password-' + Math.random()));

export function checkPasswordPolicy(password: string, username?: string) {
  const problems: string[] = [];
  if (password.length < 8) problems.push('at least 8 characters');
  if (password.length > 200) problems.push('at most 200 characters');
  if (username && password.toLowerCase() === username.toLowerCase()) problems.push('different from the username');
  if (problems.length) {
    throw new DomainError(ErrorCode.WEAK_PASSWORD, `The password must be ${problems.join(' and ')}.`, {
      rules: problems,
    });
  }
}
