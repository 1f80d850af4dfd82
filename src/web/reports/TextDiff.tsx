import { diffWords } from 'diff';

/** Two versions of a text with the words removed struck through and the words added underlined. */
export function TextDiff({ before, after }: { before: string; after: string }) {
  const parts = diffWords(before, after);
  return (
    <p className="text-diff">
      {parts.map((part, i) =>
        part.removed ? (
          <del key={i} title="Đã bỏ">
            {part.value}
          </del>
        ) : part.added ? (
          <ins key={i} title="Thêm mới">
            {part.value}
          </ins>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </p>
  );
}
