import { getDb } from '@/lib/server/db';
import { clientAddress, userAgentOf } from '@/lib/server/client-address';
import { messageText } from '@/lib/server/catalogue';
import { unsubscribe } from '@/lib/server/notifications/unsubscribe';

export const dynamic = 'force-dynamic';

// One-click unsubscribe (RFC 8058): the mail client POSTs `List-Unsubscribe=One-Click` to the address
// of the List-Unsubscribe header. No session: the signed token is the credential, and it works once.
export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  const result = await unsubscribe(await getDb(), token, process.env.AUTH_SECRET ?? '', {
    address: clientAddress(request.headers), userAgent: userAgentOf(request.headers),
  });
  const text = result.ok
    ? messageText({ key: 'mail.unsubscribed', values: { kind: messageText({ key: `notifications.kindName.${result.kind}` }) } })
    : messageText({ key: 'mail.unsubscribeUsed' });
  return new Response(text, { status: result.ok ? 200 : 400, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}
