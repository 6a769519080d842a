import { getFormatter, getTranslations } from 'next-intl/server';
import { RevokeTokenButton } from '@/components/tokens/revoke-token-button';
import { TokenStatus, tokenState } from '@/components/tokens/token-status';
import { listTokensForAdmin } from '@/lib/server/api-tokens';
import { requirePageContext } from '@/lib/server/page-guard';
import { AdminHeading, adminMetadata } from '../_components/admin-nav';
import { AdminTable } from '../_components/admin-table';
import { adminRevokeTokenAction } from './actions';

export const generateMetadata = () => adminMetadata('tokens');

export default async function TokensPage() {
  const ctx = await requirePageContext('/admin/tokens', 'admin.tokens');
  const [t, tAccount, format, tokens] = await Promise.all([
    getTranslations('admin.tokens'), getTranslations('account.tokens'), getFormatter(), listTokensForAdmin(ctx),
  ]);
  const day = (value: string | Date | null) => (value ? format.dateTime(new Date(value), { dateStyle: 'medium' }) : tAccount('never'));
  return (
    <>
      <AdminHeading current="tokens" />
      {tokens.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <AdminTable
          id="all-tokens" heading={t('title')} caption={t('caption', { count: tokens.length })}
          columns={[
            { label: t('columns.owner') },
            { label: t('columns.name') },
            { label: t('columns.token') },
            { label: t('columns.scope') },
            { label: t('columns.expires') },
            { label: t('columns.lastUsed') },
            { label: t('columns.status') },
            { label: t('columns.actions'), hidden: true },
          ]}
        >
          {tokens.map((token) => (
            <tr key={token.id}>
              <th scope="row">{token.ownerName} ({token.ownerEmail})</th>
              <td>{token.name}</td>
              <td><code translate="no">{token.prefix}…</code></td>
              <td>{token.scope}</td>
              <td>{day(token.expiresAt)}</td>
              <td>{day(token.lastUsedAt)}</td>
              <td><TokenStatus token={token} /></td>
              <td>
                {tokenState(token) === 'active' && (
                  <RevokeTokenButton
                    action={adminRevokeTokenAction} tokenId={token.id} label={tAccount('revoke')}
                    accessibleLabel={tAccount('revokeLabel', { name: `${token.name} (${token.ownerName})` })}
                  />
                )}
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
    </>
  );
}
