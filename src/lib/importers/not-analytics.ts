/**
 * Files people often upload by mistake because they come from the same settings pages as real
 * exports, but hold no metrics. Recognising them turns "unknown file" into a useful answer: what
 * the file is and which export to download instead.
 */
import { dataRowsAfter, defineColumns, importResult, presentColumns } from './columns';
import type { Importer, ParseContext } from './types';
import { fileMessage, type RowMessage } from './messages';

function explain(context: ParseContext, coded: RowMessage) {
	return importResult({
		account: null,
		rowCount: dataRowsAfter(context.table, context.headerIndex).length,
		coversUntil: null,
		issues: [{ severity: 'error', ...coded }]
	});
}

// Takeout capitalisation varies by vintage (`Approx Duration (ms)` / `Approx duration (ms)`); case is ignored.
const TAKEOUT_VIDEO_COLUMNS = defineColumns({
	videoId: ['Video ID'],
	duration: ['Approx Duration (ms)'],
	title: ['Video Title (Original)'],
	privacy: ['Privacy'],
	created: ['Video Create Timestamp'],
	published: ['Video Publish Timestamp'],
	channelId: ['Channel ID'],
	channelTitle: ['Channel Title (Original)']
});

export const googleTakeoutYouTube: Importer = {
	id: 'google-takeout-youtube',
	label: 'Google Takeout — YouTube video metadata (not analytics)',
	platform: 'youtube',
	detect(sample) {
		const present = presentColumns(sample.normalizedHeaders, TAKEOUT_VIDEO_COLUMNS);
		if (present.has('videoId') && (present.has('duration') || present.has('title') || present.has('created'))) return 0.9;
		if (present.has('channelId') && present.has('channelTitle')) return 0.85;
		return 0;
	},
	parse(context) {
		return explain(context, fileMessage('notAnalytics.takeout'));
	}
};

const MASTODON_COLUMNS = defineColumns({
	address: ['Account address'],
	boosts: ['Show boosts'],
	notify: ['Notify on new posts'],
	languages: ['Languages']
});

export const mastodonFollowing: Importer = {
	id: 'mastodon-following',
	label: 'Mastodon — following list (not analytics)',
	platform: 'other',
	detect(sample) {
		const present = presentColumns(sample.normalizedHeaders, MASTODON_COLUMNS);
		return present.has('address') && (present.has('boosts') || present.has('notify')) ? 0.9 : 0;
	},
	parse(context) {
		return explain(context, fileMessage('notAnalytics.mastodon'));
	}
};
