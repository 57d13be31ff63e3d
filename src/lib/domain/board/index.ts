/**
 * The consolidation board's pure core: facts, flags, unique-reach estimate, coverage matrix,
 * suggested decisions, plan summary and plan export. No UI, no storage; see docs/board.md.
 *
 * ## Usage
 * ```ts
 * const analysis = analyzePortfolio(inputs, todayDay());          // when the data changes
 * const plan = preparePlan(analysis);
 * // on every card move:
 * const summary = planSummary(plan, decisions);
 * const reach = estimateAllUniqueReach(analysis.reach, decisions);
 * const coverage = coverageStatus(analysis.coverage, decisions);
 * const suggestions = recommendAll({ ...analysis, decisions });
 * ```
 */
export * from './types';
export * from './move';
export * from './format';
export * from './categories';
export * from './facts';
export * from './flags';
export * from './reach';
export * from './coverage';
export * from './recommend';
export * from './plan';
export * from './plan-export';
export * from './phrase';
export * from './portfolio';
