/**
 * WeChat Official Account 用户分析 (user analysis) downloads (platform-exports.md §7.1):
 * `<account>_用户分析_<from>_<to>.csv` with 时间, 新关注人数, 取消关注人数, 净增关注人数, 累积关注人数,
 * GB18030-encoded (the backend targets Excel on Chinese Windows), CRLF, and the running total
 * with thousands separators. The real file type is not verified; this follows the UI labels.
 */
import { calendarChunks, compactDate, isoDate, type DayRange } from '../calendar';
import { csvText } from '../csv';
import { encodeGb18030 } from '../gb18030';
import type { GeneratedFile, WriterContext } from '../context';
import type { AccountSimulation } from '../simulate';

export const WECHAT_USER_ANALYSIS_HEADER = ['时间', '新关注人数', '取消关注人数', '净增关注人数', '累积关注人数'];

const thousands = (value: number): string => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function userAnalysisFile(sim: AccountSimulation, range: DayRange): GeneratedFile {
	const rows: string[][] = [WECHAT_USER_ANALYSIS_HEADER];
	for (let day = range.from; day <= range.to; day++) {
		const i = day - sim.window.start;
		rows.push([isoDate(day), String(sim.gained[i]), String(sim.lost[i]), String(sim.gained[i] - sim.lost[i]), thousands(sim.followers[i])]);
	}
	return {
		name: `${sim.member.name}_用户分析_${compactDate(range.from)}_${compactDate(range.to)}.csv`,
		bytes: encodeGb18030(csvText(rows, { quote: 'minimal', eol: '\r\n', trailingNewline: true }))
	};
}

export function wechatFiles(context: WriterContext, sim: AccountSimulation): GeneratedFile[] {
	const first = context.window.start + sim.firstIndex;
	const end = context.window.end;
	if (first > end) return [];
	const ranges = calendarChunks(first, end, 12);
	if (sim.member.exports?.overlap && ranges.length > 1) {
		// one extra download straddling the last new year, overlapping both yearly files
		const newYear = ranges[ranges.length - 1].from;
		ranges.push({ from: Math.max(first, newYear - 31), to: Math.min(end, newYear + 30) });
	}
	return ranges.map((range) => userAnalysisFile(sim, range));
}
