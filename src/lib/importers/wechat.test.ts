import { describe, expect, it } from 'vitest';
import { dayFromYMD } from '../domain/days';
import { contextOf, loadTable, sampleOf, valueOn } from '../../../tests/fixtures/load';
import { wechatUserAnalysis } from './wechat';

describe('WeChat user analysis', () => {
	it('detects the UI labels and the alias set', () => {
		expect(wechatUserAnalysis.detect(sampleOf(loadTable('wechat/用户分析.csv')))).toBeGreaterThan(0.9);
		const gb = loadTable('wechat/user-analysis-gb18030.csv');
		expect(gb.encoding).toBe('gb18030');
		expect(wechatUserAnalysis.detect(sampleOf(gb))).toBeGreaterThan(0.9);
	});

	it('reads gained, lost, net and the cumulative level, with `3,593` and `-` as empty', () => {
		const result = wechatUserAnalysis.parse(contextOf(loadTable('wechat/用户分析.csv')));
		expect(result.account).toBeNull();
		expect(valueOn(result, 'followers_gained', '2024-01-15')).toBe(120);
		expect(valueOn(result, 'followers_lost', '2024-01-15')).toBe(15);
		expect(valueOn(result, 'followers_net', '2024-01-15')).toBe(105);
		expect(valueOn(result, 'followers', '2024-01-15')).toBe(3593);
		expect(valueOn(result, 'followers_net', '2024-01-18')).toBe(-15);
		expect(valueOn(result, 'followers', '2024-01-16')).toBeUndefined();
		expect(valueOn(result, 'followers_gained', '2024-01-16')).toBeUndefined();
		expect(result.coversUntil).toBe(dayFromYMD(2024, 1, 18));
		expect(result.issues).toEqual([]);
	});

	it('reads the GB18030 file with 日期 / 新增关注 / 累计关注人数 and slashed dates', () => {
		const result = wechatUserAnalysis.parse(contextOf(loadTable('wechat/user-analysis-gb18030.csv')));
		expect(valueOn(result, 'followers_gained', '2024-01-17')).toBe(98);
		expect(valueOn(result, 'followers', '2024-01-17')).toBe(3671);
	});
});
