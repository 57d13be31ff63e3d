/**
 * Everything the board computes that does not depend on the decisions, in one call. Run it when the
 * data changes (in a worker for big portfolios); moving a card then needs only `planSummary`,
 * `coverageStatus`, `estimateAllUniqueReach` and `recommendAll`, which are cheap.
 */
import type { DayNumber } from '../days';
import { buildCoverageMatrix, type CoverageMatrix, type CoverageOptions } from './coverage';
import { accountFacts, portfolioShare, type AccountFacts, type FactsOptions } from './facts';
import { portfolioFlags, type FlagOptions, type FlagReport } from './flags';
import { buildAudienceProfile, prepareReach, type AudienceProfile, type ReachModel, type ReachOptions } from './reach';
import type { AccountInput, BoardAccount } from './types';

export interface PortfolioAnalysis {
	today: DayNumber;
	accounts: BoardAccount[];
	facts: Record<string, AccountFacts>;
	/** Share of the portfolio's summed audience, by account; null when its audience is unknown. */
	shares: Record<string, number | null>;
	flags: FlagReport;
	profiles: AudienceProfile[];
	reach: ReachModel;
	coverage: CoverageMatrix;
}

export interface PortfolioOptions {
	facts?: Omit<FactsOptions, 'breakdowns'>;
	flags?: FlagOptions;
	reach?: ReachOptions;
	coverage?: CoverageOptions;
}

export function analyzePortfolio(inputs: readonly AccountInput[], today: DayNumber, options: PortfolioOptions = {}): PortfolioAnalysis {
	const facts: Record<string, AccountFacts> = {};
	for (const input of inputs) {
		facts[input.account.id] = accountFacts(input.account, input.series, input.posts, today, {
			...options.facts,
			breakdowns: input.breakdowns
		});
	}
	const profiles = inputs.map((input) => buildAudienceProfile(input.account, input.breakdowns));
	const audience = Object.fromEntries(inputs.map((input) => [input.account.id, facts[input.account.id].audience?.value ?? null]));
	const reach = prepareReach(profiles, audience, today, options.reach);
	return {
		today,
		accounts: inputs.map((input) => input.account),
		facts,
		shares: portfolioShare(Object.values(facts)),
		flags: portfolioFlags(inputs, facts, options.flags),
		profiles,
		reach,
		coverage: buildCoverageMatrix(reach, options.coverage)
	};
}
