import { describe, expect, it } from 'vitest';
import { accountRecordSchema, breakdownRecordSchema, decisionRecordSchema } from '../../schemas/db-records';
import { estimateAllUniqueReach } from './reach';
import { analyzePortfolio } from './portfolio';
import { preparePlan, planSummary } from './plan';
import { day } from './test-fixtures';
import type { DecisionMap } from './types';

const today = day('2026-11-26');
const stamp = '2026-11-26T09:00:00.000Z';

function storedAccount(id: string, handle: string | null, segments: string[]) {
	return accountRecordSchema.parse({
		id,
		platform: id.split(':')[0],
		handle,
		displayName: handle ?? 'Contoso Stories',
		externalId: null,
		url: '',
		owner: 'Ann',
		admins: [],
		segments,
		productLines: [],
		regions: [],
		languages: [],
		purpose: '',
		notes: '',
		origin: 'manual',
		createdAt: stamp,
		updatedAt: stamp,
		editedAt: null
	});
}

describe('stored records as board inputs', () => {
	it('take account, breakdown and decision records as they are stored', () => {
		const erp = storedAccount('linkedin:contosoerp', 'ContosoERP', ['SMB']);
		const blog = storedAccount('blog:stories', null, ['SMB', 'Students']);
		const breakdown = breakdownRecordSchema.parse({
			id: 1,
			importId: 1,
			accountId: erp.id,
			dimension: 'industry',
			asOf: today - 5,
			unit: 'count',
			measure: 'followers',
			entries: [{ key: 'Retail', value: 300 }]
		});
		const decision = decisionRecordSchema.parse({
			accountId: blog.id,
			column: 'retire',
			order: 1,
			mergeTargetId: null,
			rationale: 'Covered',
			decidedAt: stamp
		});
		const analysis = analyzePortfolio(
			[
				{ account: erp, series: [], posts: [], breakdowns: [breakdown] },
				{ account: blog, series: [], posts: [], breakdowns: [] }
			],
			today
		);
		const decisions: DecisionMap = { [decision.accountId]: decision, [erp.id]: { column: 'keep', mergeTargetId: null } };
		expect(analysis.facts[erp.id].audience).toMatchObject({ value: 300, derived: true, source: 'breakdown' });
		expect(estimateAllUniqueReach(analysis.reach, decisions)[blog.id].topUniqueSegments.map((segment) => segment.label)).toEqual([
			'Students'
		]);
		const summary = planSummary(preparePlan(analysis), decisions);
		expect(summary.segments.lost.map((row) => row.label)).toEqual(['Students']);
		expect(summary.ownersAffected).toEqual([{ owner: 'Ann', accountIds: [blog.id] }]);
	});
});
