import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../domain/auth/role';
import { createUser, listUsers, updateUser } from '../../services/users/manage-users';
import type { Store } from '../../store/store';
import { requireUser, SESSION_COOKIE } from '../auth/request-auth';
import { sessionIdOf } from '../../services/auth/sessions';
import { changeOwnPassword } from '../../services/users/change-own-password';
import { presentUser } from '../presenters';
import { BodyId, errorResponses, ErrorSchema, Id, UserSchema } from '../schemas';

export function usersRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/users',
      {
        schema: {
          tags: ['Tài khoản'],
          summary: 'Tài khoản trong phạm vi của quản trị viên',
          response: { 200: z.object({ users: z.array(UserSchema) }), ...errorResponses },
        },
      },
      async (request) => {
        const actor = requireUser(request);
        const rows = await listUsers(store, actor);
        return { users: rows.map(({ user, unit }) => presentUser(user, unit)) };
      },
    );

    app.post(
      '/api/users',
      {
        schema: {
          tags: ['Tài khoản'],
          summary: 'Tạo tài khoản gắn với một đơn vị (cần tiêu đề X-CSRF-Token)',
          body: z.object({
            username: z.string().min(1).max(40),
            displayName: z.string().min(1).max(200),
            password: z.string().min(1).max(200),
            role: z.enum(ROLES),
            unitId: BodyId,
          }),
          response: { 201: UserSchema, 409: ErrorSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireUser(request);
        const { user, unit } = await createUser(store, actor, request.body);
        return reply.status(201).send(presentUser(user, unit));
      },
    );

    app.patch(
      '/api/users/:userId',
      {
        schema: {
          tags: ['Tài khoản'],
          summary: 'Sửa tài khoản: họ tên, vai trò, đơn vị, khóa/mở khóa, đặt lại mật khẩu (cần tiêu đề X-CSRF-Token)',
          params: z.object({ userId: Id }),
          body: z.object({
            displayName: z.string().max(200).optional(),
            active: z.boolean().optional(),
            password: z.string().max(200).optional().describe('mật khẩu mới do quản trị viên đặt lại; các phiên của tài khoản kết thúc'),
            role: z.enum(ROLES).optional(),
            unitId: BodyId.optional().describe('chuyển tài khoản sang đơn vị khác trong phạm vi quản lý'),
          }).refine((body) => Object.values(body).some((v) => v !== undefined), 'Không có gì để sửa: hãy gửi ít nhất một trong displayName, active, password, role, unitId.'),
          response: { 200: UserSchema, ...errorResponses },
        },
      },
      async (request) => {
        const actor = requireUser(request);
        const { user, unit } = await updateUser(store, actor, request.params.userId, request.body);
        return presentUser(user, unit);
      },
    );

    app.put(
      '/api/account/password',
      {
        schema: {
          tags: ['Tài khoản'],
          summary: 'Người dùng đổi mật khẩu của chính mình, kèm mật khẩu hiện tại; các phiên khác kết thúc (cần tiêu đề X-CSRF-Token)',
          body: z.object({ currentPassword: z.string().max(200), newPassword: z.string().max(200) }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const token = request.cookies[SESSION_COOKIE];
        await changeOwnPassword(store, user, request.body, token ? sessionIdOf(token) : null);
        return reply.status(204).send(null);
      },
    );
  };
}
