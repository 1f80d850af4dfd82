import type { Role } from '../auth/roles';

export interface NavItem {
  to: string;
  label: string;
  description: string;
  /** Roles that see the item; all roles when absent. */
  roles?: Role[];
}

/**
 * The pages of the app, in menu order (the home page lists them too). A new page gets its route
 * in app/App.tsx and one entry here.
 */
export const NAV_ITEMS: NavItem[] = [
  {
    to: '/viec-can-lam',
    label: 'Việc cần làm',
    description: 'Báo cáo đến hạn phải gửi, báo cáo bị trả lại cần sửa kèm lý do; với cán bộ thẩm định: báo cáo đang chờ duyệt.',
  },
  {
    to: '/ho-so',
    label: 'Hồ sơ',
    description: 'Sổ theo dõi hồ sơ thủ tục hành chính: lọc, xem quá trình xử lý, tiếp nhận hồ sơ tại bộ phận một cửa.',
  },
  {
    to: '/nhap-ho-so',
    label: 'Nhập hồ sơ',
    description: 'Nhập tệp CSV/Excel xuất từ phần mềm một cửa; xem và tải các dòng bị từ chối kèm lý do.',
  },
  {
    to: '/thong-ke',
    label: 'Thống kê',
    description: 'Số hồ sơ tồn, tiếp nhận, giải quyết đúng hạn, quá hạn và các tỷ lệ theo kỳ báo cáo, theo lĩnh vực.',
  },
  {
    to: '/bang-dieu-khien',
    label: 'Bảng điều khiển',
    description: 'Biểu đồ xu hướng các tỷ lệ chính, xếp hạng và phân bố các đơn vị trực thuộc, tình hình nộp báo cáo; tải ảnh PNG và số liệu XLSX.',
  },
  {
    to: '/chi-so-766',
    label: 'Chỉ số 766',
    description: 'Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg) tính từ hồ sơ của đơn vị: điểm từng nhóm, hồ sơ làm mất điểm, xu hướng 12 tháng, xếp hạng đơn vị trực thuộc.',
  },
  {
    to: '/bao-cao',
    label: 'Báo cáo',
    description: 'Lập báo cáo cải cách hành chính định kỳ theo biểu mẫu của tỉnh: số liệu hồ sơ tính tự động, kiểm tra lỗi ngay khi nhập, lưu bản nháp.',
  },
  {
    to: '/danh-muc-so',
    label: 'Danh mục, sổ',
    description: 'Danh mục thủ tục hành chính của đơn vị và các sổ theo dõi (cán bộ, công chức; trang thiết bị; văn bản điện tử; tuyên truyền): ghi một lần, báo cáo các kỳ tự lấy số.',
    roles: ['officer'],
  },
  {
    to: '/tinh-hinh-nop',
    label: 'Tình hình nộp báo cáo',
    description: 'Đơn vị nào đã gửi báo cáo, đúng hạn hay trễ hạn, còn thiếu kỳ nào; duyệt nhiều báo cáo cùng lúc, tải danh sách đôn đốc, giao kỳ và hạn gửi.',
    roles: ['reviewer', 'admin'],
  },
  {
    to: '/tong-hop',
    label: 'Tổng hợp',
    description: 'Tổng hợp số liệu báo cáo của các đơn vị trực thuộc: cộng số đếm, tính lại tỷ lệ; xem từng đơn vị, đối chiếu với hồ sơ, tải XLSX.',
    roles: ['reviewer', 'admin'],
  },
  {
    to: '/lich',
    label: 'Lịch làm việc',
    description: 'Ngày làm việc, ngày nghỉ lễ, tết, nghỉ bù và làm bù trong năm, kèm ngày âm lịch; ngày nghỉ riêng của tỉnh.',
  },
  {
    to: '/don-vi',
    label: 'Đơn vị hành chính',
    description: 'Tra cứu danh mục tỉnh, huyện, xã trước và sau 01/07/2025; xem tài khoản của từng đơn vị.',
  },
  {
    to: '/tai-khoan',
    label: 'Tài khoản',
    description: 'Tạo tài khoản cho cán bộ, khóa hoặc mở khóa tài khoản trong tỉnh.',
    roles: ['admin'],
  },
  {
    to: '/nhat-ky',
    label: 'Nhật ký',
    description: 'Ai đã đăng nhập, sửa số liệu, gửi, duyệt, tải báo cáo, và những yêu cầu bị từ chối; lọc theo đơn vị, người, thao tác, ngày.',
    roles: ['admin'],
  },
];

export const navItemsFor = (role: Role): NavItem[] => NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role));
