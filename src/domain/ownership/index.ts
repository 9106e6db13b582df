export { integratedOwnership, ultimateOwners, type IntegratedStake } from './integrated-ownership';
