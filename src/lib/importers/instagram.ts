/**
 * Instagram, as exported by Meta Business Suite / the Professional dashboard: the posts ("Content")
 * export and the per-metric daily files whose title line names Instagram ("Instagram follows").
 */
import { detectMetaDaily, detectMetaPosts, readMetaDaily, readMetaPosts } from './meta';
import type { Importer } from './types';

export const metaInstagramPosts: Importer = {
	id: 'meta-instagram-posts',
	label: 'Meta Business Suite — Instagram posts',
	platform: 'instagram',
	detect: (sample) => detectMetaPosts(sample, 'instagram'),
	parse: (context) => readMetaPosts(context, 'instagram')
};

export const metaInstagramDaily: Importer = {
	id: 'meta-instagram-daily',
	label: 'Meta Business Suite — Instagram daily metric',
	platform: 'instagram',
	detect: (sample) => detectMetaDaily(sample, 'instagram'),
	parse: (context) => readMetaDaily(context, 'instagram')
};
