/**
 * Where, in each platform's own interface, to download the exports Chorus reads. The words live in
 * the `import` catalogue under guides.<id>.name and guides.<id>.steps.<step>; this list only fixes
 * the order. guides.test.ts proves every key exists in every language.
 */
export interface Guide {
	id: string;
	steps: readonly string[];
}

export const GUIDES: readonly Guide[] = [
	{ id: 'linkedin', steps: ['open', 'choose', 'range', 'file'] },
	{ id: 'x', steps: ['premium', 'older', 'account'] },
	{ id: 'youtube', steps: ['open', 'choose', 'export'] },
	{ id: 'facebook', steps: ['posts', 'daily', 'older'] },
	{ id: 'tiktok', steps: ['open', 'choose', 'zip'] },
	{ id: 'wechat', steps: ['open', 'download', 'encoding'] },
	{ id: 'other', steps: ['any', 'mapping'] }
];
