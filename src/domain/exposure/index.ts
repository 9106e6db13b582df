/** Exposure, limits and concentration math (DESIGN §4–5): pure functions on plain data. */
export * from './amount-format';
export * from './capital-base';
export * from './check-order';
export * from './client-exposure';
export * from './credit-conversion';
export * from './facility-exposure';
export * from './fx-conversion';
export * from './group-exposure';
export * from './group-limit';
export * from './limit-check';
export * from './what-if';
