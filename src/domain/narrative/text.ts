/**
 * Text as it may go into a document: composed Unicode (NFC — Vietnamese typed on some keyboards or
 * pasted from PDFs arrives decomposed, and fonts then misplace the marks) and without the characters
 * XML 1.0 cannot carry (C0 controls other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF),
 * which would make Word refuse the file. Everything else — `<`, `&`, emoji — is kept; escaping is the
 * writer's job.
 */
export function cleanText(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
  );
}

/** First letter in lower case, for a label used inside a sentence: "Quý I năm 2024" → "quý I năm 2024". */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

export function upperVi(text: string): string {
  return text.toLocaleUpperCase('vi');
}
