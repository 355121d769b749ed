// The memory store's areas: settings, agreements, bindings and history, with the domain's rules
// (applyAreaChange, recordRules, binding moves) and an audit record beside every change.
import { AgreementChangeRefusedError, AreaRefusedError } from '../refusals.js';
import {
  AgreementConflictError,
  agreementSchema,
  overlappingAgreements,
  type Agreement,
} from '../../domain/agreement.js';
import { areaSchema, type Area, type BindingTarget } from '../../domain/area.js';
import { applyAreaChange, areaAuditAction } from '../../domain/areaChange.js';
import type { AuditRecord, NewAuditRecord } from '../../domain/audit.js';
import { bindingOf, moveBinding } from '../../domain/binding.js';
import { agreementAdditionProblem, agreementChangeProblem } from '../../domain/recordRules.js';
import type { AreaChange, AreaChangeResult, AreaDirectory, AreaHistoryItem, ChangeBy } from '../../app/port/index.js';
import { settle, auditRecordOf, copy, touch, type AreaState, type MemoryState } from './state.js';
import { UnknownRecordError } from '../recordErrors.js';
import { storeText } from '../../views/storeTexts.js';
import { firstIssueText } from '../../views/schemaTexts.js';

/** The history line and, for the actions audited, the audit record of an area change. */
function recorded(
  areaId: string,
  action: string,
  by: ChangeBy,
  detail: string | undefined,
): { line: AreaHistoryItem; audit?: AuditRecord } {
  const at = by.at.toISOString();
  const line = { at, by: by.by, action, ...(detail ? { detail } : {}) };
  const audited = areaAuditAction(action);
  if (!audited) return { line };
  return {
    line,
    audit: auditRecordOf({
      at,
      by: by.by,
      via: by.via,
      action: audited,
      areaId,
      detail: detail ? `${action}: ${detail}`.slice(0, 300) : action,
    }),
  };
}

function areaOf(state: MemoryState, areaId: string): AreaState {
  const area = state.areas.get(areaId);
  if (!area) throw new UnknownRecordError(storeText({ code: 'refused.unknownArea', areaId }));
  return area;
}

/** Adds the area with its agreements, refused (AreaRefusedError) as AreaDirectory.addArea says. */
function addArea(state: MemoryState, area: Area, agreements: readonly Agreement[], by: ChangeBy): void {
  const valid = areaSchema.safeParse(area);
  if (!valid.success) throw new AreaRefusedError(firstIssueText(valid.error.issues, 'ogiltigt område'));
  if (state.areas.has(valid.data.id))
    throw new AreaRefusedError(storeText({ code: 'refused.areaExists', areaId: valid.data.id }));
  const checked = agreements.map((a) => agreementSchema.parse(a));
  const ids = new Set<string>();
  for (const a of checked) {
    if (a.area !== valid.data.id)
      throw new AreaRefusedError(storeText({ code: 'refused.agreementBelongsTo', agreementId: a.id, area: a.area }));
    if (state.areaOf.has(a.id) || ids.has(a.id))
      throw new AreaRefusedError(storeText({ code: 'refused.agreementExists', agreementId: a.id }));
    ids.add(a.id);
  }
  const overlap = overlappingAgreements(checked);
  if (overlap)
    throw new AreaRefusedError(
      storeText({ code: 'refused.periodOfOverlaps', agreementId: overlap[1].id, other: overlap[0].id }),
    );
  const detail = checked.map((a) => a.id).join(', ');
  const { line, audit } = recorded(valid.data.id, 'created', by, detail || undefined);
  state.areas.set(valid.data.id, {
    area: valid.data,
    agreements: checked,
    bindings: [],
    history: [line],
    version: 1,
  });
  for (const a of checked) {
    state.areaOf.set(a.id, valid.data.id);
    state.logs.set(a.id, { entries: [], byId: new Map(), completions: [] });
  }
  if (audit) state.audit.push(audit);
}

/** Applies the domain's change to the area as stored, with its history line and audit record. */
function updateArea(state: MemoryState, areaId: string, change: AreaChange, by: ChangeBy): AreaChangeResult {
  const stored = areaOf(state, areaId);
  const result = applyAreaChange(stored.area, change);
  if (!result.ok) return result;
  const { line, audit } = recorded(areaId, result.action, by, result.detail);
  stored.area = result.area;
  stored.history.push(line);
  if (audit) state.audit.push(audit);
  touch(state, areaId);
  return copy(result);
}

/** Adds an agreement to its area; AgreementConflictError when its id is taken or its period overlaps. */
function addAgreement(state: MemoryState, agreement: Agreement, audit: NewAuditRecord): void {
  const valid = agreementSchema.parse(agreement);
  const area = areaOf(state, valid.area);
  const problem = agreementAdditionProblem(valid, area.agreements, (id) => state.areaOf.has(id));
  if (problem) throw new AgreementConflictError(problem.reason, valid.id, problem.conflictsWith);
  const record = auditRecordOf(audit);
  area.agreements.push(valid);
  area.history.push({ at: record.at, by: record.by, action: 'agreementAdded', detail: valid.id });
  state.areaOf.set(valid.id, valid.area);
  state.logs.set(valid.id, { entries: [], byId: new Map(), completions: [] });
  state.audit.push(record);
  touch(state, valid.area);
}

/** Replaces an agreement with its changed version, refused as AreaDirectory.changeAgreement says. */
function changeAgreement(
  state: MemoryState,
  agreement: Agreement,
  by: ChangeBy,
  audit: readonly NewAuditRecord[],
): void {
  const valid = agreementSchema.parse(agreement);
  const area = state.areas.get(valid.area);
  if (!area || state.areaOf.get(valid.id) !== valid.area)
    throw new UnknownRecordError(
      storeText({ code: 'refused.unknownAgreementInArea', agreementId: valid.id, areaId: valid.area }),
    );
  const problem = agreementChangeProblem(valid, area.agreements, state.logs.get(valid.id)?.entries ?? []);
  if (problem) throw new AgreementChangeRefusedError(storeText(problem));
  const records = audit.map(auditRecordOf);
  area.agreements = area.agreements.map((a) => (a.id === valid.id ? valid : a));
  area.history.push({ at: by.at.toISOString(), by: by.by, action: 'agreementChanged', detail: valid.id });
  state.audit.push(...records);
  touch(state, valid.area);
}

/** Every area's bindings, as the domain's binding rules take them. */
const allBindings = (state: MemoryState) =>
  [...state.areas.entries()].map(([areaId, a]) => ({ areaId, bindings: a.bindings }));

/** Binds the conversation or team to the area, unbinding it elsewhere, with a history line in each. */
function bind(state: MemoryState, target: BindingTarget, id: string, areaId: string, by: ChangeBy): void {
  areaOf(state, areaId);
  const label = target === 'team' ? `team ${id}` : `konversation ${id}`;
  const move = moveBinding(allBindings(state), { target, id, areaId, by: by.by, at: by.at });
  const lines = [
    { areaId, ...recorded(areaId, 'bound', by, label) },
    ...move.unboundFrom.map((other) => ({
      areaId: other,
      ...recorded(other, 'unbound', by, storeText({ code: 'record.movedFrom', label, areaId })),
    })),
  ];
  for (const [key, bindings] of move.bindings) areaOf(state, key).bindings = bindings;
  for (const { areaId: key, line, audit } of lines) {
    areaOf(state, key).history.push(line);
    if (audit) state.audit.push(audit);
    touch(state, key);
  }
}

/** The port's AreaDirectory over the memory store's state. */
export function memoryAreas(state: MemoryState): AreaDirectory {
  return {
    areas: () => Promise.resolve(copy([...state.areas.values()].map((a) => a.area))),
    area: (id) => Promise.resolve(copy(state.areas.get(id)?.area)),
    history: (areaId) => Promise.resolve(copy(state.areas.get(areaId)?.history ?? [])),
    addArea: (area, agreements, by) => settle(() => addArea(state, area, agreements, by)),
    updateArea: (areaId, change, by) => settle(() => updateArea(state, areaId, change, by)),
    addAgreement: (agreement, audit) => settle(() => addAgreement(state, agreement, audit)),
    changeAgreement: (agreement, by, audit) => settle(() => changeAgreement(state, agreement, by, audit)),
    binding: (target, id) => Promise.resolve(bindingOf(allBindings(state), target, id)),
    bind: (target, id, areaId, by) => settle(() => bind(state, target, id, areaId, by)),
  };
}
