/**
 * WeChat Official Account (微信公众号) user analysis (用户分析). No real export file has been seen:
 * the headers are the mp.weixin.qq.com table labels and the aliases other importers accept, and the
 * file may arrive as CSV in UTF-8 or GB18030 or as xlsx. Numbers may carry thousands separators
 * (`3,593`), and `-` means empty.
 */
import type { MetricKey } from '../domain/metrics';
import { coverage, defineColumns, headerRow, importResult, locateColumns, missingColumnsMessage, presentColumns, unreadableResult } from './columns';
import { metricColumns, readDailyTable, type ValueKind } from './daily';
import type { Importer } from './types';

const WECHAT_COLUMNS = defineColumns({
	date: ['时间', '日期', '统计日期', 'ref_date'],
	gained: ['新关注人数', '新增关注', '新增关注人数', 'new_user'],
	lost: ['取消关注人数', '取消关注', 'cancel_user'],
	net: ['净增关注人数', '净增关注'],
	total: ['累积关注人数', '累计关注人数', 'cumulate_user']
});
type WeChatKey = keyof typeof WECHAT_COLUMNS;

const WECHAT_METRICS: readonly (readonly [WeChatKey, MetricKey, ValueKind])[] = [
	['gained', 'followers_gained', 'count'],
	['lost', 'followers_lost', 'count'],
	['net', 'followers_net', 'count'],
	['total', 'followers', 'count']
];

export const wechatUserAnalysis: Importer = {
	id: 'wechat-user-analysis',
	label: 'WeChat Official Account — User analysis (用户分析)',
	platform: 'wechat',
	detect(sample) {
		const present = presentColumns(sample.normalizedHeaders, WECHAT_COLUMNS);
		if (!present.has('date')) return 0;
		const share = coverage(present, ['gained', 'lost', 'net', 'total']);
		return share >= 0.5 ? 0.6 + 0.35 * share : 0;
	},
	parse(context) {
		const headers = headerRow(context);
		const located = locateColumns(headers, WECHAT_COLUMNS);
		if (located.date === undefined) return unreadableResult(missingColumnsMessage('wechatUsers', ['时间'], headers));
		// the export names no account; the preview asks which Official Account it is
		const result = readDailyTable({
			now: context.now,
			table: context.table,
			headerIndex: context.headerIndex,
			account: null,
			dateColumn: located.date,
			dateHeader: headers[located.date],
			metrics: metricColumns(located, headers, WECHAT_METRICS),
			allowSerialDates: true
		});
		return importResult({ account: null, series: result.series, rowCount: result.rowCount, issues: result.issues, coversUntil: result.lastDay });
	}
};
