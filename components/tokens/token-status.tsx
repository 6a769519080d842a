import { getTranslations } from 'next-intl/server';

/** Active, expired or revoked, from the token's times. */
export function tokenState(token: { expiresAt: string | Date; revokedAt: string | Date | null }): 'active' | 'expired' | 'revoked' {
  if (token.revokedAt) return 'revoked';
  return new Date(token.expiresAt).getTime() <= Date.now() ? 'expired' : 'active';
}

export async function TokenStatus({ token }: { token: { expiresAt: string | Date; revokedAt: string | Date | null } }) {
  const t = await getTranslations('account.tokens.status');
  return <>{t(tokenState(token))}</>;
}
