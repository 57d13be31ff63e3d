/**
 * The registry of importers. An explicit list (not a glob): greppable, tree-shakable, and the order
 * is the tie-break when two importers give the same score.
 */
import { facebookPageInsights, facebookPostInsights, metaFacebookDaily, metaFacebookPosts, metaGender, metaTopTerritories, metaViewers } from './facebook';
import { metaInstagramDaily, metaInstagramPosts } from './instagram';
import {
	linkedinContentMetrics,
	linkedinContentPosts,
	linkedinDemographics,
	linkedinNewFollowers,
	linkedinVisitors
} from './linkedin';
import { googleTakeoutYouTube, mastodonFollowing } from './not-analytics';
import {
	tiktokContent,
	tiktokFollowerActivity,
	tiktokFollowerGender,
	tiktokFollowerHistory,
	tiktokFollowerTerritories,
	tiktokOverview,
	tiktokViewers
} from './tiktok';
import type { Importer } from './types';
import { wechatUserAnalysis } from './wechat';
import { xAccountContent, xAccountOverview, xDailyTweetActivity, xTweetActivity } from './x';
import { youtubeChartData, youtubeTableData, youtubeTotals } from './youtube';

export const importers = [
	xTweetActivity,
	xDailyTweetActivity,
	xAccountOverview,
	xAccountContent,
	youtubeTableData,
	youtubeChartData,
	youtubeTotals,
	facebookPageInsights,
	facebookPostInsights,
	metaFacebookPosts,
	metaFacebookDaily,
	metaInstagramPosts,
	metaInstagramDaily,
	metaViewers,
	metaGender,
	metaTopTerritories,
	linkedinContentMetrics,
	linkedinContentPosts,
	linkedinNewFollowers,
	linkedinDemographics,
	linkedinVisitors,
	tiktokOverview,
	tiktokFollowerHistory,
	tiktokViewers,
	tiktokContent,
	tiktokFollowerGender,
	tiktokFollowerTerritories,
	tiktokFollowerActivity,
	wechatUserAnalysis,
	googleTakeoutYouTube,
	mastodonFollowing
] as const satisfies readonly Importer[];

const BY_ID: ReadonlyMap<string, Importer> = new Map(importers.map((importer) => [importer.id, importer]));

/** The importer with this id (ids are stored with every import), or undefined. */
export function importerById(id: string): Importer | undefined {
	return BY_ID.get(id);
}
