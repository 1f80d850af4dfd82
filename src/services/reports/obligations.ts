import type { ObligationPeriodKind } from '../../domain/reports/obligations';
import type { Unit } from '../../domain/units/unit';
import type { Store } from '../../store/store';
import { assertUnitAccess } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { forbidden, invalidInput } from '../errors';
import { templateById } from './reporting-scope';

export interface ObligationView {
  id: number;
  unit: Unit;
  templateId: string;
  templateTitle: string;
  periodKinds: ObligationPeriodKind[];
  deadlineDays: number;
}

/** The obligations set by a unit and the units above it that the user may see. */
export async function listObligations(store: Store, user: SessionUser): Promise<ObligationView[]> {
  const visible = new Set([user.unit.id, ...(await store.units.ancestors(user.unit.id)).map((u) => u.id)]);
  if (user.role !== 'officer') for (const id of await store.units.subtreeIds(user.unit.id)) visible.add(id);
  const rows = await store.obligations.list([...visible]);
  return Promise.all(
    rows.map(async (o) => ({
      id: o.id,
      unit: (await store.units.findById(o.unitId))!,
      templateId: o.templateId,
      templateTitle: templateById(o.templateId).title,
      periodKinds: o.periodKinds,
      deadlineDays: o.deadlineDays,
    })),
  );
}

/**
 * A province (or district) sets which template its units report, for which periods, and how many
 * days after the cut-off the report is due. Reviewers and administrators only.
 */
export async function setObligation(
  store: Store,
  user: SessionUser,
  input: { unitId: number; templateId: string; periodKinds: ObligationPeriodKind[]; deadlineDays: number },
): Promise<ObligationView> {
  if (user.role === 'officer') throw forbidden('Chỉ cán bộ thẩm định hoặc quản trị mới giao nghĩa vụ báo cáo.');
  const unit = await assertUnitAccess(store, user, input.unitId, 'write');
  const template = templateById(input.templateId);
  const kinds = [...new Set(input.periodKinds)];
  if (kinds.length === 0) throw invalidInput('Cần chọn ít nhất một loại kỳ báo cáo.');
  const unsupported = kinds.filter((k) => !template.periods.includes(k));
  if (unsupported.length > 0) throw invalidInput(`Biểu mẫu "${template.title}" không dùng cho kỳ: ${unsupported.join(', ')}.`);
  if (!Number.isInteger(input.deadlineDays) || input.deadlineDays < 0 || input.deadlineDays > 60) {
    throw invalidInput('Hạn gửi phải là số ngày nguyên từ 0 đến 60 sau ngày chốt số liệu.');
  }
  const saved = await store.transaction(async (repos) => {
    const record = await repos.obligations.upsert({ unitId: unit.id, templateId: template.id, periodKinds: kinds, deadlineDays: input.deadlineDays }, user.id);
    await repos.audit.record({ userId: user.id, action: 'obligation.set', unitId: unit.id, subject: `${unit.code}/${template.id}`, details: { periodKinds: kinds, deadlineDays: input.deadlineDays } });
    return record;
  });
  return { id: saved.id, unit, templateId: template.id, templateTitle: template.title, periodKinds: saved.periodKinds, deadlineDays: saved.deadlineDays };
}
