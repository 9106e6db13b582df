import { parentPort, workerData } from 'node:worker_threads';
import { deriveGroups } from '../../domain/control/derive-groups';
import { GraphStore } from '../graph-store';
import { packGroups, shapesOf, type DerivationInput } from './full-derivation';

/** The derivation worker: records from the store's columns, every group, packed back. */
function run({ columns, date, policy }: DerivationInput) {
  const numbers = new Map<string, number>();
  columns.ids.forEach((id, i) => numbers.set(id, i));
  const graph = GraphStore.graphOf(columns);
  const packed = packGroups(shapesOf(deriveGroups(graph, date, policy)), (id) => numbers.get(id)!);
  parentPort!.postMessage(packed, [
    packed.entities.buffer as ArrayBuffer,
    packed.memberCounts.buffer as ArrayBuffer,
    packed.headCounts.buffer as ArrayBuffer,
  ]);
}

run(workerData as DerivationInput);
