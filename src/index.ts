/**
 * `@exponential/partner-program`: the Exponential Partner Program as tables,
 * and pure evaluators of a partner's ledger.
 * @packageDocumentation
 */
export { parseLedger, type ParseLedgerResult, type ParseLedgerOptions } from './ledger/parseLedger';
export { evaluate, type EvaluateOptions } from './evaluate/evaluate';
export { leavesWindowOn, reviewWindow, windowKinds, type WindowKind, type DateRange } from './evaluate/window';
export { reviewTimeline, type Review, type ReviewTimelineOptions } from './timeline/reviewTimeline';
export type { TierPolicy } from './timeline/policies';
export { explainEvaluation, type ExplainOptions } from './explain/explainEvaluation';
export { planUpgrade, type UpgradePlan, type PlanUpgradeOptions, type PlanReason, type ExpiringItem } from './plan/planUpgrade';
export { exponentialProgram } from './program/exponentialProgram';
export { activities, type ActivityId } from './program/activities';
export { tiers, type TierId } from './program/tiers';
export { certifications, type CertificationId } from './program/certifications';
export { feePolicy } from './program/fee';
export { rules, type Rule } from './program/rules';
export { ValidationError, issueCodes, type IssueCode, type LedgerIssue } from './issues';
export type * from './program/types';
export type * from './ledger/types';
export type * from './evaluate/types';
export type { IsoDate } from './dates/isoDate';
export { defineProgram } from './program/defineProgram';
export { describeProgram, type DescribeProgramOptions } from './program/describeProgram';
export { diffPrograms, type DiffProgramsOptions, type ProgramDiff, type ProgramChange, type FieldChange, type FieldValue, type ProgramTable, type ProgramSide } from './program/diffPrograms';
export { compareUnder, type CompareUnderOptions, type TierComparison, type TierMove, type Standing } from './compare/compareUnder';
export { generateJsonSchema, type JsonSchemaKind, type JsonSchema } from './schemas/generateJsonSchema';
export { programOverview, type ProgramOverviewOptions } from './documents/programOverview';
export { partnerStatement, type PartnerStatementOptions } from './documents/partnerStatement';
export { renderMarkdown, escapeMarkdown } from './documents/renderMarkdown';
export { renderHtml, escapeHtml, type RenderHtmlOptions } from './documents/renderHtml';
export type * from './documents/types';
