import { describe, expect, it } from 'vitest';
import { allowedActions, planTransition, WorkflowError } from './workflow';

const author = { author: true, reviewer: false };
const reviewer = { author: false, reviewer: true };

describe('report workflow', () => {
  it('lets the author edit and submit a draft, and the reviewer nothing yet', () => {
    expect(allowedActions('draft', author)).toEqual(['edit', 'submit']);
    expect(allowedActions('draft', reviewer)).toEqual([]);
  });
  it('lets the reviewer approve or return a submitted report, and the author only wait', () => {
    expect(allowedActions('submitted', reviewer)).toEqual(['return', 'approve']);
    expect(allowedActions('submitted', author)).toEqual([]);
  });
  it('lets the author fix and resubmit a returned report', () => {
    expect(allowedActions('returned', author)).toEqual(['edit', 'resubmit']);
  });
  it('reopens an approved report for either side, never edits it directly', () => {
    expect(allowedActions('approved', author)).toEqual(['reopen']);
    expect(allowedActions('approved', reviewer)).toEqual(['reopen']);
    expect(allowedActions('approved', { author: false, reviewer: false })).toEqual([]);
  });
  it('moves the states', () => {
    expect(planTransition('draft', 'submit', author, null).to).toBe('submitted');
    expect(planTransition('submitted', 'return', reviewer, 'Sai số liệu').to).toBe('returned');
    expect(planTransition('returned', 'resubmit', author, undefined).to).toBe('submitted');
    expect(planTransition('submitted', 'approve', reviewer, '').to).toBe('approved');
    expect(planTransition('approved', 'reopen', author, 'Đính chính số hồ sơ').to).toBe('draft');
  });
  it('refuses what the state or the person does not allow, in Vietnamese', () => {
    expect(() => planTransition('submitted', 'approve', author, null)).toThrow(/Chỉ cán bộ thẩm định của cấp trên mới được duyệt/);
    expect(() => planTransition('draft', 'approve', reviewer, null)).toThrow(/trạng thái "Đang soạn"/);
    expect(() => planTransition('approved', 'submit', author, null)).toThrow(WorkflowError);
    expect(() => planTransition('approved', 'approve', author, null)).toThrow(/Chỉ cán bộ thẩm định của cấp trên mới được duyệt/);
    expect(() => planTransition('submitted', 'return', reviewer, '  ')).toThrow('Trả lại báo cáo cần ghi lý do.');
    expect(() => planTransition('approved', 'reopen', reviewer, null)).toThrow(/lý do đính chính/);
  });
});
