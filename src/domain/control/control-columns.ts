/**
 * The control graph as columns: the engine's input when the caller already holds the graph
 * in columnar form (the server's in-memory store), so a whole-bank derivation reads integer
 * ends and coded values instead of a record and a string lookup per row.
 *
 * Entities are numbered by the caller (0 .. count-1, in any order); a number may name no
 * entity (`dead[i] === 1`: an id an edge names but no entity row carries), and edge ends
 * use the same numbers. Coded fields index a list of distinct values (`codes`); dates index
 * the one `dates` list; -1 is null. Rows are read in order and `dead` rows are skipped,
 * so the result equals `deriveGroups` over the records those live rows stand for, in that
 * order. Records are built (`record`) only for what a caller reads of the facts afterwards.
 */
import type { IdColumn } from './id-column';
import {
  ControlLink,
  FamilyTie,
  Guarantee,
  ManualDesignation,
  Party,
  Role,
  Shareholding,
} from '../model';

/**
 * Codes and date codes: 8 or 16 bits while their dictionary is small enough, widened when
 * it grows past that (a million entities' kinds in 1 MB rather than 4). -1 is null.
 */
export type CodeColumn = Int32Array | Int16Array | Int8Array;

/** A column of small codes and the distinct values they number. */
export interface CodedColumn {
  readonly code: CodeColumn;
  readonly values: readonly string[];
}

export interface EntityColumns {
  /** Entity numbers are 0 .. count-1. */
  readonly count: number;
  /** 1 for a number that names no entity (an id an edge names, never put). */
  readonly dead: Uint8Array;
  /** The external id of each number. */
  readonly ids: IdColumn;
  readonly kind: CodedColumn;
  readonly ownership: CodedColumn;
  /** Declared board seats; NO_SEATS for null. */
  readonly boardSeats: Int32Array;
  record(i: number): Party;
}

/** Value of `boardSeats` for an entity that declares none. */
export const NO_SEATS = -2147483648;

export interface EdgeColumns<T> {
  readonly count: number;
  /** 1 for a row removed since (skipped). */
  readonly dead: Uint8Array;
  /** Ends as entity numbers, in the order of the record's id fields (-1: null). */
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly validFrom: CodeColumn;
  readonly validTo: CodeColumn;
  /** The row's own id. */
  id(r: number): string;
  record(r: number): T;
}

export interface ControlColumns {
  readonly entities: EntityColumns;
  readonly dates: readonly string[];
  readonly shareholdings: EdgeColumns<Shareholding> & { readonly votingPct: CodedColumn };
  readonly roles: EdgeColumns<Role> & {
    readonly role: CodedColumn;
    /** The appointer's entity number, -1 for none. */
    readonly appointedBy: Int32Array;
  };
  readonly familyTies: EdgeColumns<FamilyTie> & { readonly relation: CodedColumn };
  readonly links: EdgeColumns<ControlLink> & { readonly type: CodedColumn };
  readonly guarantees: EdgeColumns<Guarantee>;
  readonly designations: EdgeColumns<ManualDesignation> & { readonly kind: CodedColumn };
}
