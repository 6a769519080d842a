// A comment's body as plain text: React escapes it, and CSS (white-space: pre-wrap) keeps the
// writer's line breaks. Nothing here parses HTML or markdown, so a body can never become markup.
export function CommentBody({ body, id }: { body: string; id?: string }) {
  return (
    <div className="plain-text" id={id}>
      {body}
    </div>
  );
}
