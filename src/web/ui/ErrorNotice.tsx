import { Notice } from './Notice';

/** Shows a failed call: the server's Vietnamese message is the text the user reads. */
export function ErrorNotice({ error }: { error: Error | null | undefined }) {
  if (!error) return null;
  return <Notice kind="error">{error.message}</Notice>;
}
