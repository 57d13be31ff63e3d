/**
 * Who follows each account: the shares behind LinkedIn demographics, YouTube geography and TikTok
 * territories. Pages deliberately differ (ERP → operations and finance in manufacturing; CRM →
 * sales; Partners → small consulting firms) so audience-overlap views have something to find.
 */
import type { AudienceMix } from './cast';

export type Shares = readonly (readonly [label: string, weight: number])[];

export interface LinkedInAudience {
	location: Shares;
	industry: Shares;
	jobFunction: Shares;
	seniority: Shares;
	companySize: Shares;
}

const SENIORITY_BUYERS: Shares = [
	['Senior', 30], ['Entry', 18], ['Manager', 17], ['Director', 11], ['VP', 4], ['CXO', 4], ['Owner', 3], ['Partner', 2],
	['Training', 2], ['Unpaid', 1]
];
const SENIORITY_PRACTITIONERS: Shares = [
	['Senior', 36], ['Entry', 27], ['Manager', 13], ['Director', 6], ['VP', 2], ['CXO', 1], ['Owner', 2], ['Partner', 1],
	['Training', 5], ['Unpaid', 2]
];
const SIZES_ENTERPRISE: Shares = [
	['10,001+ employees', 26], ['5001-10,000 employees', 9], ['1001-5000 employees', 17], ['501-1000 employees', 9],
	['201-500 employees', 11], ['51-200 employees', 12], ['11-50 employees', 9], ['2-10 employees', 5], ['Myself only', 2]
];
const SIZES_MIDMARKET: Shares = [
	['10,001+ employees', 12], ['5001-10,000 employees', 6], ['1001-5000 employees', 16], ['501-1000 employees', 14],
	['201-500 employees', 18], ['51-200 employees', 17], ['11-50 employees', 10], ['2-10 employees', 5], ['Myself only', 2]
];
const LOCATIONS_GLOBAL: Shares = [
	['New York City Metropolitan Area', 8], ['Greater Seattle Area', 6], ['San Francisco Bay Area', 6], ['Greater London', 7],
	['Bengaluru, Karnataka, India', 9], ['Greater Chicago Area', 4], ['Greater Munich Metropolitan Area', 3],
	['Greater Sydney Area', 3], ['Toronto, Ontario, Canada', 3], ['Singapore', 3], ['Dallas-Fort Worth Metroplex', 3],
	['Greater Paris Metropolitan Region', 3], ['Amsterdam Area', 2], ['Greater Stockholm Metropolitan Area', 1],
	['São Paulo, São Paulo, Brazil', 2], ['Dubai, United Arab Emirates', 2]
];

export const LINKEDIN_AUDIENCES: Partial<Record<AudienceMix, LinkedInAudience>> = {
	corporate: {
		location: LOCATIONS_GLOBAL,
		industry: [
			['Software Development', 18], ['IT Services and IT Consulting', 16], ['Financial Services', 7], ['Manufacturing', 6],
			['Business Consulting and Services', 8], ['Retail', 4], ['Higher Education', 5], ['Hospitals and Health Care', 3],
			['Telecommunications', 3], ['Banking', 3]
		],
		jobFunction: [
			['Information Technology', 17], ['Engineering', 15], ['Sales', 12], ['Business Development', 9], ['Operations', 8],
			['Marketing', 7], ['Finance', 6], ['Consulting', 6], ['Human Resources', 4], ['Program and Project Management', 5],
			['Education', 3], ['Research', 3]
		],
		seniority: SENIORITY_BUYERS,
		companySize: SIZES_ENTERPRISE
	},
	erp: {
		location: [
			['Greater Chicago Area', 7], ['Greater Munich Metropolitan Area', 6], ['Greater London', 5], ['Detroit Metropolitan Area', 5],
			['Bengaluru, Karnataka, India', 8], ['New York City Metropolitan Area', 5], ['Stuttgart Region', 4], ['Milan, Lombardy, Italy', 3],
			['Greater Houston', 3], ['Mexico City Metropolitan Area', 3], ['Greater Stockholm Metropolitan Area', 2], ['Shanghai, China', 2]
		],
		industry: [
			['Manufacturing', 16], ['Industrial Machinery Manufacturing', 10], ['Motor Vehicle Manufacturing', 6], ['Wholesale', 9],
			['Transportation, Logistics, Supply Chain and Storage', 10], ['IT Services and IT Consulting', 12], ['Retail', 6],
			['Food and Beverage Manufacturing', 5], ['Software Development', 6], ['Accounting', 5]
		],
		jobFunction: [
			['Operations', 20], ['Finance', 17], ['Accounting', 10], ['Information Technology', 14], ['Purchasing', 8],
			['Program and Project Management', 7], ['Consulting', 7], ['Engineering', 6], ['Quality Assurance', 3], ['Sales', 4]
		],
		seniority: SENIORITY_BUYERS,
		companySize: SIZES_MIDMARKET
	},
	crm: {
		location: [
			['New York City Metropolitan Area', 10], ['San Francisco Bay Area', 8], ['Greater Boston', 5], ['Greater London', 8],
			['Greater Chicago Area', 5], ['Atlanta Metropolitan Area', 4], ['Austin, Texas Metropolitan Area', 4],
			['Greater Sydney Area', 3], ['Toronto, Ontario, Canada', 4], ['Mumbai Metropolitan Region', 4], ['Greater Paris Metropolitan Region', 3]
		],
		industry: [
			['Software Development', 14], ['Financial Services', 10], ['Insurance', 7], ['Retail', 8], ['Real Estate', 6],
			['Advertising Services', 8], ['Telecommunications', 6], ['Business Consulting and Services', 10], ['Hospitality', 4],
			['IT Services and IT Consulting', 9]
		],
		jobFunction: [
			['Sales', 30], ['Business Development', 18], ['Marketing', 16], ['Customer Success and Support', 8], ['Operations', 6],
			['Information Technology', 7], ['Consulting', 5], ['Product Management', 4]
		],
		seniority: SENIORITY_BUYERS,
		companySize: SIZES_ENTERPRISE
	},
	analytics: {
		location: [
			['Bengaluru, Karnataka, India', 12], ['San Francisco Bay Area', 9], ['Greater Seattle Area', 7], ['Hyderabad, Telangana, India', 6],
			['Greater London', 6], ['New York City Metropolitan Area', 7], ['Berlin Metropolitan Area', 4], ['Toronto, Ontario, Canada', 4],
			['Amsterdam Area', 3], ['Singapore', 4], ['Warsaw Metropolitan Area', 3], ['Greater Stockholm Metropolitan Area', 2]
		],
		industry: [
			['Software Development', 20], ['IT Services and IT Consulting', 20], ['Financial Services', 9], ['Banking', 5],
			['Hospitals and Health Care', 5], ['Higher Education', 6], ['Research Services', 5], ['Retail', 4], ['Insurance', 4],
			['Pharmaceutical Manufacturing', 4]
		],
		jobFunction: [
			['Information Technology', 24], ['Engineering', 22], ['Research', 10], ['Finance', 6], ['Operations', 6], ['Consulting', 8],
			['Program and Project Management', 6], ['Product Management', 6], ['Education', 4], ['Marketing', 3]
		],
		seniority: SENIORITY_PRACTITIONERS,
		companySize: SIZES_ENTERPRISE
	},
	dach: {
		location: [
			['Greater Munich Metropolitan Area', 18], ['Berlin Metropolitan Area', 12], ['Frankfurt Rhine-Main Metropolitan Area', 11],
			['Hamburg Metropolitan Region', 9], ['Stuttgart Region', 9], ['Cologne Bonn Region', 8], ['Greater Düsseldorf Area', 6],
			['Vienna, Vienna, Austria', 10], ['Zurich, Zurich, Switzerland', 8], ['Basel, Basel, Switzerland', 3], ['Graz, Styria, Austria', 3]
		],
		industry: [
			['Manufacturing', 14], ['Industrial Machinery Manufacturing', 12], ['Motor Vehicle Manufacturing', 9],
			['IT Services and IT Consulting', 14], ['Wholesale', 8], ['Financial Services', 6], ['Retail', 5], ['Software Development', 8],
			['Business Consulting and Services', 8], ['Chemical Manufacturing', 5]
		],
		jobFunction: [
			['Operations', 15], ['Information Technology', 16], ['Finance', 12], ['Sales', 10], ['Engineering', 11], ['Purchasing', 7],
			['Consulting', 8], ['Program and Project Management', 6], ['Accounting', 6], ['Marketing', 4]
		],
		seniority: SENIORITY_BUYERS,
		companySize: SIZES_MIDMARKET
	},
	nordics: {
		location: [
			['Greater Stockholm Metropolitan Area', 30], ['Oslo, Oslo, Norway', 16], ['Copenhagen Metropolitan Area', 16],
			['Greater Helsinki Metropolitan Area', 14], ['Gothenburg, Västra Götaland County, Sweden', 10], ['Malmö, Skåne County, Sweden', 6],
			['Aarhus, Central Denmark Region, Denmark', 4], ['Bergen, Vestland, Norway', 4]
		],
		industry: [
			['Manufacturing', 12], ['IT Services and IT Consulting', 18], ['Wholesale', 10], ['Retail', 9], ['Software Development', 10],
			['Transportation, Logistics, Supply Chain and Storage', 9], ['Construction', 8], ['Financial Services', 6]
		],
		jobFunction: [
			['Information Technology', 18], ['Operations', 15], ['Finance', 14], ['Sales', 12], ['Consulting', 9], ['Purchasing', 7],
			['Engineering', 8], ['Accounting', 7]
		],
		seniority: SENIORITY_BUYERS,
		companySize: SIZES_MIDMARKET
	},
	partners: {
		location: [
			['Greater London', 7], ['Bengaluru, Karnataka, India', 9], ['New York City Metropolitan Area', 6], ['Greater Munich Metropolitan Area', 5],
			['Greater Sydney Area', 4], ['Toronto, Ontario, Canada', 4], ['Johannesburg, Gauteng, South Africa', 3], ['Madrid, Community of Madrid, Spain', 3],
			['Greater Stockholm Metropolitan Area', 2], ['Singapore', 4], ['Dubai, United Arab Emirates', 3], ['Greater Chicago Area', 4]
		],
		industry: [
			['IT Services and IT Consulting', 38], ['Business Consulting and Services', 22], ['Software Development', 16],
			['Accounting', 8], ['Technology, Information and Internet', 6], ['Professional Training and Coaching', 4]
		],
		jobFunction: [
			['Business Development', 24], ['Consulting', 22], ['Sales', 14], ['Information Technology', 14], ['Entrepreneurship', 10],
			['Program and Project Management', 6], ['Marketing', 5], ['Finance', 3]
		],
		seniority: [
			['Owner', 14], ['Partner', 10], ['CXO', 12], ['Director', 12], ['Manager', 14], ['Senior', 22], ['Entry', 12], ['VP', 4]
		],
		companySize: [
			['2-10 employees', 16], ['11-50 employees', 28], ['51-200 employees', 26], ['201-500 employees', 13], ['501-1000 employees', 6],
			['1001-5000 employees', 5], ['Myself only', 6]
		]
	}
};

/** YouTube Studio Geography rows are country names. */
export const YOUTUBE_GEOGRAPHY: Partial<Record<AudienceMix, Shares>> = {
	learning: [
		['United States', 22], ['India', 15], ['United Kingdom', 7], ['Germany', 6], ['Canada', 4], ['Philippines', 4],
		['Brazil', 3], ['Australia', 3], ['Nigeria', 3], ['Pakistan', 3], ['Mexico', 2], ['Netherlands', 2], ['South Africa', 2],
		['Egypt', 2], ['Indonesia', 2]
	],
	dach: [
		['Germany', 64], ['Austria', 14], ['Switzerland', 12], ['Netherlands', 2], ['Poland', 2], ['United States', 2], ['Italy', 1]
	],
	chinese: [
		['Taiwan', 36], ['Hong Kong', 15], ['Singapore', 13], ['Malaysia', 12], ['United States', 8], ['Canada', 5], ['Australia', 4],
		['Macao', 2], ['United Kingdom', 2]
	],
	nordics: [
		['Sweden', 52], ['Norway', 15], ['Finland', 12], ['Denmark', 11], ['Germany', 3], ['United Kingdom', 2], ['United States', 2]
	]
};

export interface TikTokAudience {
	/** ISO country codes, as FollowerTopTerritories.csv writes them. */
	territories: Shares;
	gender: Shares;
}

export const TIKTOK_AUDIENCES: Partial<Record<AudienceMix, TikTokAudience>> = {
	'tiktok-global': {
		territories: [['US', 31], ['GB', 9], ['IN', 8], ['PH', 6], ['CA', 5], ['DE', 4], ['AU', 4], ['BR', 3]],
		gender: [['Female', 52], ['Male', 45], ['Other', 3]]
	},
	'tiktok-dach': {
		territories: [['DE', 66], ['AT', 14], ['CH', 11], ['NL', 2], ['PL', 2]],
		gender: [['Female', 44], ['Male', 54], ['Other', 2]]
	},
	'tiktok-nordics': {
		territories: [['SE', 58], ['NO', 14], ['FI', 11], ['DK', 10]],
		gender: [['Female', 49], ['Male', 49], ['Other', 2]]
	}
};
