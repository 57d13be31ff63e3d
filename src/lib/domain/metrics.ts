/**
 * The metric catalogue: what each canonical metric means and how it may be combined over time.
 *
 * - level: a stock read at a moment (total followers). Over a period take the last value, never a sum.
 * - flow: a count of events per day (impressions, new followers). Sum over a period.
 * - unique: a daily count of distinct people (reach, unique visitors). The same person can appear on
 *   many days, so a period's value is NOT the sum; show the daily average and say so.
 * - ratio: a rate or average the platform computed (engagement rate, CTR, average view duration).
 *   Never summed; averaged and labelled as an average of daily values.
 */
export type MetricSemantics = 'level' | 'flow' | 'unique' | 'ratio';

export type MetricUnit = 'count' | 'fraction' | 'seconds' | 'hours' | 'currency';

export interface MetricDefinition {
	label: string;
	semantics: MetricSemantics;
	unit: MetricUnit;
	/** Plain words, shown as the tooltip that defines the metric. */
	description: string;
}

export const METRICS = {
	followers: {
		label: 'Followers',
		semantics: 'level',
		unit: 'count',
		description: 'Total followers or subscribers at the end of the day.'
	},
	followers_gained: {
		label: 'New followers',
		semantics: 'flow',
		unit: 'count',
		description: 'People who started following that day.'
	},
	followers_lost: {
		label: 'Unfollows',
		semantics: 'flow',
		unit: 'count',
		description: 'People who stopped following that day.'
	},
	followers_net: {
		label: 'Net follower change',
		semantics: 'flow',
		unit: 'count',
		description: 'New followers minus unfollows that day; can be negative.'
	},
	impressions: {
		label: 'Impressions',
		semantics: 'flow',
		unit: 'count',
		description: 'Times content was shown on screen (one person can count many times).'
	},
	views: {
		label: 'Views',
		semantics: 'flow',
		unit: 'count',
		description: 'Video or content views as the platform counts them.'
	},
	reach: {
		label: 'Reach',
		semantics: 'unique',
		unit: 'count',
		description: 'Distinct people who saw content that day. Days cannot be added up: shown as a daily average.'
	},
	unique_visitors: {
		label: 'Unique visitors',
		semantics: 'unique',
		unit: 'count',
		description: 'Distinct visitors to the page that day; shown as a daily average over a period.'
	},
	page_views: {
		label: 'Page views',
		semantics: 'flow',
		unit: 'count',
		description: 'Visits to the profile or page.'
	},
	profile_visits: {
		label: 'Profile visits',
		semantics: 'flow',
		unit: 'count',
		description: 'Times people opened the profile.'
	},
	engagements: {
		label: 'Engagements',
		semantics: 'flow',
		unit: 'count',
		description:
			'Interactions with content as the platform counts them; where an export has none, likes + comments + shares (+ clicks where given).'
	},
	likes: { label: 'Likes / reactions', semantics: 'flow', unit: 'count', description: 'Likes or reactions.' },
	comments: { label: 'Comments / replies', semantics: 'flow', unit: 'count', description: 'Comments or replies.' },
	shares: { label: 'Shares / reposts', semantics: 'flow', unit: 'count', description: 'Shares, reposts or retweets.' },
	saves: { label: 'Saves / bookmarks', semantics: 'flow', unit: 'count', description: 'Saves or bookmarks.' },
	clicks: { label: 'Clicks', semantics: 'flow', unit: 'count', description: 'Clicks on content, links or media.' },
	link_clicks: { label: 'Link clicks', semantics: 'flow', unit: 'count', description: 'Clicks on links in posts.' },
	posts_published: {
		label: 'Posts published',
		semantics: 'flow',
		unit: 'count',
		description: 'Posts, tweets or videos published that day.'
	},
	watch_time_hours: {
		label: 'Watch time (hours)',
		semantics: 'flow',
		unit: 'hours',
		description: 'Hours of video watched.'
	},
	engagement_rate: {
		label: 'Engagement rate (reported)',
		semantics: 'ratio',
		unit: 'fraction',
		description: 'The platform’s own engagement rate (engagements ÷ impressions on X and LinkedIn). Averaged, never summed.'
	},
	click_through_rate: {
		label: 'Click-through rate',
		semantics: 'ratio',
		unit: 'fraction',
		description: 'Clicks ÷ impressions as the platform reports it.'
	},
	average_view_duration: {
		label: 'Average view duration',
		semantics: 'ratio',
		unit: 'seconds',
		description: 'Average seconds watched per view.'
	},
	revenue: {
		label: 'Estimated revenue',
		semantics: 'flow',
		unit: 'currency',
		description: 'Estimated earnings the platform reports.'
	}
} as const satisfies Record<string, MetricDefinition>;

export type MetricKey = keyof typeof METRICS;
export const METRIC_KEYS = Object.keys(METRICS) as MetricKey[];

export function isMetricKey(value: string): value is MetricKey {
	return Object.hasOwn(METRICS, value);
}

export function metricDefinition(key: MetricKey): MetricDefinition {
	return METRICS[key];
}
