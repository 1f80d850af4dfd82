/**
 * About how many data rows a CSV file holds (its line breaks, minus the header), read in chunks
 * without decoding; a quoted cell with a line break inside counts one too many, which only makes
 * the processing bar a little pessimistic.
 */
export async function countCsvRows(file: Blob): Promise<number> {
  const reader = file.stream().getReader();
  let lines = 0;
  let last = -1;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (let i = 0; i < value.length; i++) if (value[i] === 0x0a) lines++;
    if (value.length > 0) last = value[value.length - 1]!;
  }
  if (last !== -1 && last !== 0x0a) lines++;
  return Math.max(0, lines - 1);
}
