import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { RevokeTokenButton } from '@/components/tokens/revoke-token-button';
import { TokenForm } from '@/components/tokens/token-form';
import { TokenStatus, tokenState } from '@/components/tokens/token-status';
import { listOwnTokens } from '@/lib/server/api-tokens';
import { requirePageContext } from '@/lib/server/page-guard';
import { ChangePasswordForm } from './change-password-form';
import { createTokenAction, revokeTokenAction } from './token-actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('title') };
}

export default async function AccountPage() {
  const ctx = await requirePageContext('/account');
  const { viewer } = ctx;
  const [t, tRoot, format, tokens] = await Promise.all([getTranslations('account'), getTranslations(), getFormatter(), listOwnTokens(ctx)]);
  const day = (value: string | Date | null) => (value ? format.dateTime(new Date(value), { dateStyle: 'medium' }) : t('tokens.never'));
  return (
    <div className="narrow">
      <h1>{t('title')}</h1>
      <dl className="facts">
        <div>
          <dt>{t('details.name')}</dt>
          <dd>{viewer.name}</dd>
        </div>
        <div>
          <dt>{t('details.email')}</dt>
          <dd>{viewer.email}</dd>
        </div>
        <div>
          <dt>{t('details.role')}</dt>
          <dd>{tRoot(`user.role.${viewer.role}`)}</dd>
        </div>
        <div>
          <dt>{t('details.organisation')}</dt>
          <dd>{viewer.organisationName ?? t('details.none')}</dd>
        </div>
      </dl>
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">{t('password.heading')}</h2>
        <p>{t('password.intro')}</p>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">{t('tokens.heading')}</h2>
        <p>{t.rich('tokens.intro', { docs: (chunks) => <Link href="/api/docs">{chunks}</Link> })}</p>
        <TokenForm action={createTokenAction} />
        {tokens.length === 0 ? (
          <p>{t('tokens.none')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption>{t('tokens.caption', { count: tokens.length })}</caption>
              <thead>
                <tr>
                  {(['name', 'token', 'scope', 'created', 'expires', 'lastUsed', 'status'] as const).map((c) => (
                    <th scope="col" key={c}>{t(`tokens.columns.${c}`)}</th>
                  ))}
                  <th scope="col"><span className="visually-hidden">{t('tokens.columns.actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id}>
                    <th scope="row">{token.name}</th>
                    <td><code translate="no">{token.prefix}…</code></td>
                    <td>{token.scope}</td>
                    <td>{day(token.createdAt)}</td>
                    <td>{day(token.expiresAt)}</td>
                    <td>{day(token.lastUsedAt)}</td>
                    <td><TokenStatus token={token} /></td>
                    <td>
                      {tokenState(token) === 'active' && (
                        <RevokeTokenButton
                          action={revokeTokenAction} tokenId={token.id} label={t('tokens.revoke')} accessibleLabel={t('tokens.revokeLabel', { name: token.name })}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
