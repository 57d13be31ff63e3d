import { describe, expect, it } from 'vitest';
import { distinctLabels } from './labels';

describe('distinctLabels', () => {
	it('adds the platform only where two accounts would read the same', () => {
		const labels = distinctLabels([
			{ id: 'linkedin:contoso', platform: 'linkedin', handle: 'contoso', displayName: 'Contoso' },
			{ id: 'tiktok:contoso', platform: 'tiktok', handle: 'Contoso', displayName: 'Contoso' },
			{ id: 'x:contosoerp', platform: 'x', handle: 'ContosoERP', displayName: 'Contoso ERP' },
			{ id: 'blog:engineering', platform: 'blog', handle: 'engineering', displayName: 'Engineering Blog' }
		]);
		expect([...labels]).toEqual([
			['linkedin:contoso', '@contoso (LinkedIn)'],
			['tiktok:contoso', '@Contoso (TikTok)'],
			['x:contosoerp', '@ContosoERP'],
			['blog:engineering', 'Engineering Blog']
		]);
	});
});
