export * from './group-types';
export { newGroupId } from './group-id';
export { assignGroupIds } from './group-identity';
