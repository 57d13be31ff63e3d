// bench/budgets.json: a ceiling per figure id, compared against the median of the runs (or the
// statistic the budget names: "max" for "no task over 200 ms" means no run may exceed it).
import { readFileSync } from 'node:fs';

export function loadBudgets(path) {
	const budgets = JSON.parse(readFileSync(path, 'utf8'));
	delete budgets.$comment;
	for (const [id, budget] of Object.entries(budgets)) {
		if (typeof budget.max !== 'number') throw new Error(`${path}: budget "${id}" needs a numeric "max".`);
		if (budget.stat !== undefined && !['median', 'min', 'max'].includes(budget.stat)) throw new Error(`${path}: budget "${id}" has an unknown stat "${budget.stat}".`);
	}
	return budgets;
}

/** One entry per budget: within, over, or not measured (the figure is missing or could not be taken). */
export function checkBudgets(figures, budgets) {
	const byId = new Map(figures.map((figure) => [figure.id, figure]));
	return Object.entries(budgets).map(([id, budget]) => {
		const figure = byId.get(id);
		const stat = budget.stat ?? 'median';
		const target = budget.target ?? `≤ ${budget.max}`;
		if (!figure) return { id, target, max: budget.max, stat, status: 'not measured', reason: 'this size or stage was not run' };
		if (figure.notMeasured || figure[stat] === null) return { id, target, max: budget.max, stat, status: 'not measured', reason: figure.notMeasured ?? 'no value' };
		const value = figure[stat];
		return { id, target, max: budget.max, stat, value, status: value <= budget.max ? 'within' : 'over' };
	});
}
