// The areas, their settings, their history and which conversation or team belongs to which.
import type { Agreement } from '../../domain/agreement.js';
import type { Area, Binding, BindingTarget } from '../../domain/area.js';
import type { AuditVia, NewAuditRecord } from '../../domain/audit.js';
import type { Person } from '../../domain/entry.js';
import type { AreaChange, AreaChangeResult } from '../../domain/areaChange.js';

/** Who made a change to an area and when, for its history and the audit log. */
export interface ChangeBy {
  by: Person;
  at: Date;
  /** Where the change came from: a chat command, a card, the operator's CLI. */
  via: AuditVia;
}

/**
 * What updateArea did: the domain's result (src/domain/areaChange.ts), applied to the area as stored.
 * The port's vocabulary for every store that implements it.
 * @public
 */
export type { AreaChange, AreaChangeResult } from '../../domain/areaChange.js';

/**
 * One line of an area's history: who, when, what.
 * @public
 */
export interface AreaHistoryItem {
  at: string;
  by: Person;
  action: string;
  detail?: string;
}

export interface AreaDirectory {
  areas(): Promise<readonly Area[]>;
  area(id: string): Promise<Area | undefined>;
  history(areaId: string): Promise<readonly AreaHistoryItem[]>;
  /**
   * Adds an area with its agreements, recorded in its history and the audit log. Refused
   * (AreaRefusedError, nothing stored) when the id is taken, an agreement id is used elsewhere or
   * names another area, or two of its periods overlap.
   */
  addArea(area: Area, agreements: readonly Agreement[], by: ChangeBy): Promise<void>;
  /**
   * Applies the change with applyAreaChange to the area as stored, and stores the changed area, its
   * history line and its audit record together; a refusal stores nothing.
   */
  updateArea(areaId: string, change: AreaChange, by: ChangeBy): Promise<AreaChangeResult>;
  /** Adds an agreement to the area its `area` field names, with the record of adding it. */
  addAgreement(agreement: Agreement, audit: NewAuditRecord): Promise<void>;
  /**
   * Replaces an agreement with its changed version (same id, same area), its history line and one
   * audit record per changed field together. Refused (AgreementChangeRefusedError, nothing stored)
   * when an entry would fall outside it or its period would overlap another of the area's.
   */
  changeAgreement(agreement: Agreement, by: ChangeBy, audit: readonly NewAuditRecord[]): Promise<void>;

  /** The area a conversation or team is bound to; when two areas claim it, the latest binding. */
  binding(target: BindingTarget, id: string): Promise<Binding | undefined>;
  /** Binds it to the area and unbinds it from any other, in one write, with history and audit. */
  bind(target: BindingTarget, id: string, areaId: string, by: ChangeBy): Promise<void>;
}
