/** A quiet "loading" line, announced politely to screen readers. */
export function LoadingNotice({ text = 'Đang tải…' }: { text?: string }) {
  return (
    <p className="loading" role="status">
      {text}
    </p>
  );
}
