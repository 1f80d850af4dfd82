/** What the audit trail records, named once, with the Vietnamese label a reader sees. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'auth.login': 'Đăng nhập',
  'auth.logout': 'Đăng xuất',
  'users.add': 'Tạo tài khoản',
  'users.update': 'Sửa tài khoản',
  'users.password.change': 'Đổi mật khẩu của mình',
  'units.import': 'Nhập danh mục đơn vị',
  'procedures.import': 'Nhập danh mục thủ tục',
  'dossiers.import': 'Nhập hồ sơ từ tệp',
  'dossiers.import.upload': 'Tải lên tệp hồ sơ',
  'dossiers.import.cancel': 'Hủy lần nhập hồ sơ',
  'dossiers.import.rejected.download': 'Tải danh sách dòng lỗi',
  'import-source.map': 'Khai báo cách đọc cột',
  'dossier.create': 'Tiếp nhận hồ sơ',
  'dossier.event': 'Ghi bước xử lý hồ sơ',
  'report.create': 'Lập báo cáo',
  'report.import': 'Nhập báo cáo từ tệp',
  'report.values.save': 'Sửa số liệu báo cáo',
  'report.document.save': 'Sửa văn bản báo cáo',
  'report.export': 'Tải báo cáo',
  'report.transition': 'Gửi, duyệt, trả lại hoặc mở lại báo cáo',
  'report.approve-many': 'Duyệt hàng loạt',
  'report.submit': 'Gửi báo cáo',
  'report.resubmit': 'Gửi lại báo cáo',
  'report.approve': 'Duyệt báo cáo',
  'report.return': 'Trả lại báo cáo',
  'report.reopen': 'Mở lại báo cáo để đính chính',
  'obligation.set': 'Giao nghĩa vụ báo cáo',
  'calendar.override.set': 'Sửa lịch làm việc',
  'calendar.override.delete': 'Xóa ngày trong lịch làm việc',
  'completeness.reminders.download': 'Tải danh sách đôn đốc',
  'rollup.export': 'Tải bảng tổng hợp',
  'dashboard.export': 'Tải bảng số liệu bảng điều khiển',
  'index766.against.download': 'Tải danh sách hồ sơ làm mất điểm Chỉ số 766',
  'index766.inputs.save': 'Nhập số liệu Chỉ số 766',
  'audit.read': 'Xem nhật ký hoạt động',
  download: 'Tải tệp',
  'store.backup': 'Sao lưu dữ liệu',
  'store.restore': 'Khôi phục dữ liệu từ bản sao lưu',
  'store.migrate': 'Cập nhật cấu trúc dữ liệu',
  'demo.dossiers': 'Tạo hồ sơ mẫu',
  'report.compute': 'Tính số liệu báo cáo',
};

export const AUDIT_OUTCOME_LABELS = {
  ok: 'Thành công',
  refused: 'Bị từ chối',
  rejected: 'Dữ liệu không hợp lệ',
  failed: 'Lỗi hệ thống',
} as const;

export type AuditOutcomeName = keyof typeof AUDIT_OUTCOME_LABELS;

export const AUDIT_CHANNEL_LABELS = { web: 'Web/API', cli: 'Dòng lệnh', system: 'Hệ thống' } as const;

/** The label of an action; an action without one (a route added later) shows as recorded. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** How a request or command ended, from its HTTP status. */
export function outcomeOfStatus(status: number): AuditOutcomeName {
  if (status < 400) return 'ok';
  if (status === 401 || status === 403 || status === 429) return 'refused';
  if (status >= 500) return 'failed';
  return 'rejected';
}
