'use client';

import { useErrorTexts } from '@/components/error-texts';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useErrorTexts();
  return (
    <div className="error-box" role="alert">
      <h1>{t.title}</h1>
      <p>{t.body}</p>
      <button type="button" className="button" onClick={reset}>
        {t.retry}
      </button>
    </div>
  );
}
