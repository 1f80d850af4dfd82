/** Prints either JSON (for scripts) or plain Vietnamese text (for people). */
export function printResult(json: boolean, value: unknown, text: () => string): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  } else {
    process.stdout.write(`${text()}\n`);
  }
}
