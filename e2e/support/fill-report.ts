import type { Page } from 'playwright-core';
import { shows } from './browser';

/**
 * What an official does to make a report complete in the browser: "-" (không phát sinh) in every
 * field of the table still blank, a sentence in every section of the narrative still empty, the
 * signer's name; then saves both. Returns how many fields got "-".
 */
export async function completeInBrowser(p: Page, signer = 'Hoàng Văn Minh'): Promise<number> {
  let marked = 0;
  const table = p.locator('table.report-table');
  for (const input of await table.locator('td.report-value input.value-input').all()) {
    if ((await input.inputValue()).trim() === '') {
      await input.fill('-');
      marked += 1;
    }
  }
  for (const select of await table.locator('td.report-value select.value-select').all()) {
    if ((await select.inputValue()) === '') {
      await select.selectOption('-');
      marked += 1;
    }
  }
  if (marked > 0) {
    await p.getByRole('button', { name: 'Lưu nháp' }).click();
    await shows(p.getByRole('status').filter({ hasText: 'Đã lưu bản nháp' }));
  }
  const document = p.locator('section.report-document');
  await document.getByLabel('Người ký', { exact: true }).fill(signer);
  // Each section's text is edited as it prints (a rich-text box, loaded with its own chunk).
  await shows(document.locator('.narrative-editor-content'));
  for (const section of await document.locator('.narrative-section').all()) {
    const editor = section.locator('.narrative-editor-content').first();
    if ((await editor.innerText()).trim() !== '') continue;
    const heading = (await section.locator('label.narrative-heading').innerText()).trim();
    await editor.fill(`Nội dung mục ${heading} của kỳ báo cáo.`);
  }
  await document.getByRole('button', { name: 'Lưu văn bản' }).click();
  await shows(document.getByRole('status').filter({ hasText: 'Đã lưu văn bản báo cáo.' }));
  return marked;
}
