/** The GraphQL documents of the exposure end-to-end tests, kept in one place. */

export const CHECK = `rule subjectId measure capitalBase value capital valuePct limitPct limit
  utilisation status warnLevel message`;

export const FIGURES = `approvedLimits drawn grossExposure netExposure cashMargin substitutedIn
  substitutedOut loanBalance creditBalance shareOfTier1`;

export const GROUP_EXPOSURE = `
  groupId groupName asOf currency memberIds headIds ${FIGURES}
  isLargeExposure capitalAsOf tier1Capital netCapital groupLimitId groupLimit headroom utilisation
  worstStatus subLimitProblems
  checks { ${CHECK} }
  memberChecks(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${CHECK} } } }
  members { entityId name ${FIGURES} subLimit subLimitHeadroom facilityIds checks { rule status } }
  facilities { facilityId borrowerId fxRate drawn undrawn drawnCcfPct undrawnCcfPct undrawnBasis
    grossExposure cashMargin substituted guarantorId netExposure }
  substitutionsIn { facilityId borrowerId guarantorId amount }`;

export const GROUP_OF = `query GroupOf($entityId: ID!, $asOf: Date) {
  groupOf(entityId: $entityId, asOf: $asOf) { id asOf exposure { ${GROUP_EXPOSURE} } }
}`;

export const MEMBER_CHECKS = `query MemberChecks($entityId: ID!, $asOf: Date, $first: Int!, $after: String, $minStatus: CheckStatus! = PASS) {
  groupOf(entityId: $entityId, asOf: $asOf) {
    exposure {
      memberChecks(first: $first, after: $after, minStatus: $minStatus) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { rule subjectId status utilisation } }
      }
    }
  }
}`;

export const ENTITY_EXPOSURE = `query EntityExposure($id: ID!, $asOf: Date) {
  entity(id: $id) {
    exposure(asOf: $asOf) {
      entityId name asOf ${FIGURES} isLargeExposure worstStatus
      checks { ${CHECK} }
      facilities { facilityId grossExposure netExposure substituted guarantorId }
      substitutionsIn { facilityId amount }
      group { groupId netExposure memberIds }
    }
  }
}`;

export const PORTFOLIO = `query Portfolio($asOf: Date) {
  largeExposures(asOf: $asOf) { groupId netExposure shareOfTier1 }
  topGroups(asOf: $asOf, by: SHARE_OF_TIER1, first: 3) { groupId groupName netExposure }
  limitAlerts(asOf: $asOf) { worstStatus group { groupId } checks { rule subjectId status } }
}`;

export const SIMULATE_FACILITY = `query SimulateFacility($input: FacilityProposalInput!, $asOf: Date) {
  simulateFacility(input: $input, asOf: $asOf) {
    asOf crossesLimit worstStatusAfter
    facility { facilityId grossExposure netExposure substituted guarantorId }
    groups { groupId groupName before { netExposure } after { netExposure shareOfTier1 } }
    changes { groupId rule subjectId statusChanged valueChange before { status } after { status } }
  }
}`;

export const SIMULATE_RELATIONSHIP = `query SimulateRelationship($input: RelationshipChangeInput!, $asOf: Date) {
  simulateRelationship(input: $input, asOf: $asOf) {
    asOf touchedIds merges splits
    events { type groupId relatedGroupIds entityIds }
    before { groupId memberIds netExposure }
    after { groupId memberIds headIds netExposure worstStatus checks { rule subjectId status } }
  }
}`;

export const POLICY = `query Policy($asOf: Date) {
  policy(asOf: $asOf) {
    asOf validFrom recordedBy
    control { majorityThresholdPct keyExecutivesRequired stateExemption disabledRules }
    exposure { reportingCurrency warnLevelsPct largeExposureThresholdPct loanProducts
      productCcf { product ccfPct }
      limitChecks { name scope measure capitalBase limitPct source } }
    capital { asOf tier1Capital netCapital currency }
  }
}`;

export const SET_POLICY = `mutation SetPolicy($input: PolicyInput!, $validFrom: Date!, $note: String) {
  setPolicy(input: $input, validFrom: $validFrom, note: $note) {
    validFrom recordedBy exposure { limitChecks { name limitPct } warnLevelsPct }
    control { stateExemption }
  }
}`;

export const RECORD_CAPITAL = `mutation RecordCapital($input: CapitalInput!) {
  recordCapital(input: $input) { asOf tier1Capital netCapital currency }
}`;

export const SET_GROUP_LIMIT = `mutation SetGroupLimit($memberId: ID!, $limit: Decimal!, $currency: String!, $validFrom: Date!) {
  setGroupLimit(memberId: $memberId, limit: $limit, currency: $currency, validFrom: $validFrom) {
    id memberId groupId limit currency validFrom validTo subLimits { memberId limit currency }
  }
}`;

export const SET_SUB_LIMITS = `mutation SetSubLimits($groupMemberId: ID!, $subLimits: [SubLimitInput!]!, $asOf: Date) {
  setSubLimits(groupMemberId: $groupMemberId, subLimits: $subLimits, asOf: $asOf) {
    id groupId limit validFrom validTo subLimits { memberId limit currency }
  }
}`;
