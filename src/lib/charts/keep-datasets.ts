/** Chart.js updates that keep each line's controller (see keepDatasets). No Chart.js import: pure. */
type Dataset = Record<string, unknown>;

/**
 * The new config's data, with each dataset that is the same line as before (same place, type and
 * label) carried over as the same object, its properties set to the new ones. Chart.js ties a
 * dataset's controller and elements to the dataset object: a new object for every line on every
 * update had it destroy and build each controller again, and forget a line the reader had hidden
 * from the legend. Properties Chart.js keeps on the object itself (`_data`, `_decimated` of the
 * decimation plugin) stay; a new `data` goes through the plugin's setter as a documented update does.
 */
export function keepDatasets<Data extends { datasets: readonly object[] }>(previous: readonly object[], next: Data): Data {
	const datasets = (next.datasets as Dataset[]).map((dataset, index) => {
		const old = previous[index] as Dataset | undefined;
		if (!old || old === dataset || old.type !== dataset.type || old.label !== dataset.label) return dataset;
		for (const key of Object.keys(old)) if (!key.startsWith('_') && !(key in dataset)) delete old[key];
		for (const key of Object.keys(dataset)) if (old[key] !== dataset[key]) old[key] = dataset[key];
		return old;
	});
	return { ...next, datasets };
}
