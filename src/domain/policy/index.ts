/**
 * The versioned policy a bank tunes: control thresholds (DESIGN §3) and exposure and
 * concentration settings (DESIGN §4). Both halves are plain data with defaults.
 */
import { ControlPolicy, DEFAULT_CONTROL_POLICY } from './control-policy';
import { DEFAULT_EXPOSURE_POLICY, ExposurePolicy } from './exposure-policy';

export * from './control-policy';
export * from './exposure-policy';

export interface Policy {
  control: ControlPolicy;
  exposure: ExposurePolicy;
}

export const DEFAULT_POLICY: Policy = {
  control: DEFAULT_CONTROL_POLICY,
  exposure: DEFAULT_EXPOSURE_POLICY,
};
