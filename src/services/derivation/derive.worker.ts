import { parentPort } from 'node:worker_threads';
import { deriveBank, type DerivationInput } from './full-derivation';

/** The derivation worker, once: every group and fact from the store's columns, as numbers. */
function run({ columns, date, policy }: DerivationInput) {
  const bank = deriveBank(columns, date, policy);
  const transfer = [bank.entities, bank.memberCounts, bank.headCounts];
  const facts = bank.facts ? [bank.facts.from, bank.facts.to, bank.facts.flags] : [];
  parentPort!.postMessage(
    bank,
    [...transfer, ...facts].map((a) => a.buffer as ArrayBuffer),
  );
}

parentPort!.once('message', run);
