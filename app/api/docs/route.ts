import { ApiReference } from '@scalar/nextjs-api-reference';

export const dynamic = 'force-dynamic';

/**
 * The API reference (Scalar), public like the document it shows. Its script comes from this site
 * (./scalar.js), not a CDN, and carries the request's CSP nonce, which the proxy generated and
 * stamps on this answer as on every page: the policy is the same strict one everywhere. No web
 * fonts (the default ones come from another origin) and no calls to Scalar's services.
 */
export async function GET(request: Request): Promise<Response> {
  const nonce = request.headers.get('x-nonce') ?? undefined;
  const render = ApiReference({
    url: '/api/v1/openapi.json',
    cdn: '/api/docs/scalar.js',
    nonce,
    pageTitle: 'Agenda tracker API',
    withDefaultFonts: false,
    telemetry: false,
    hideClientButton: true,
    showDeveloperTools: 'never',
    agent: { disabled: true },
    persistAuth: false,
    authentication: { preferredSecurityScheme: 'bearerToken' },
  });
  const response = render();
  response.headers.set('content-type', 'text/html; charset=utf-8');
  response.headers.set('cache-control', 'no-store');
  return response;
}
