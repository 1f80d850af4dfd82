/** An expected failure of a use case, with a stable code and a Vietnamese message for the user. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (message = 'Không tìm thấy dữ liệu yêu cầu.') => new AppError('not_found', 404, message);
export const forbidden = (message = 'Bạn không có quyền truy cập dữ liệu này.') => new AppError('forbidden', 403, message);
export const unauthorized = (message = 'Bạn cần đăng nhập để tiếp tục.') => new AppError('unauthorized', 401, message);
export const invalidInput = (message: string, details?: unknown) => new AppError('invalid_input', 400, message, details);
export const conflict = (message: string) => new AppError('conflict', 409, message);
export const tooManyRequests = (message: string) => new AppError('too_many_requests', 429, message);
