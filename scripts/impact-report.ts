// `npm run impact:report`: prints the demo quarter's impact dashboard (the twelve months up to
// and including the current one) as a text table, from the database the app uses (MONGODB_URI,
// as `npm run ledger:verify` does). `npm run impact:report -- lindenhof 2026-01 2026-06` picks
// another quarter or period. Suppressed cells print "< 5", unknown ones "?".
import { cellText, defaultPeriod, isMonthKey, type Cell } from '../src/lib/domain/impact';
import { closeDb } from '../src/lib/server/db';
import { findQuarter } from '../src/lib/server/repos/quarters';
import { figureLabel, impact, seriesLabel } from '../src/lib/server/services/impact';

const [quarterId = 'nordstadt', fromArg, toArg] = process.argv.slice(2);
const now = new Date();

const text = (cell: Cell) => (cell.kind === 'unknown' ? '?' : cellText(cell, String));

try {
	const quarter = await findQuarter(quarterId);
	if (!quarter) throw new Error(`No quarter ${quarterId}.`);
	const period = defaultPeriod(now, quarter.settings.timeZone);
	if (fromArg && isMonthKey(fromArg)) period.from = fromArg;
	if (toArg && isMonthKey(toArg)) period.to = toArg;
	const report = await impact.report(quarter, period, now);
	console.log(
		`Wirkungsbericht ${quarter.name}, ${period.from} bis ${period.to} (Monate in ${quarter.settings.timeZone})\n`
	);
	const label = (s: string) => s.slice(0, 44).padEnd(44);
	console.log(label('') + report.months.map((m) => m.slice(2).padStart(8)).join(''));
	for (const figure of report.figures) {
		for (const series of figure.series) {
			if (figure.id === 'unmetDemand' && series.id !== 'total') continue;
			const name =
				figure.series.length > 1
					? `${figureLabel(figure.id, 'de')} (${seriesLabel(quarter, series.id, 'de')})`
					: figureLabel(figure.id, 'de');
			console.log(label(name) + series.cells.map((c) => text(c).padStart(8)).join(''));
		}
	}
	console.log(
		'\nStunden und Euro als Summen, Gegenseitigkeit und Verbleib in Prozent, erste Antwort als Median in Stunden.'
	);
} catch (err) {
	console.error(`impact:report failed: ${(err as Error).message}`);
	process.exitCode = 1;
} finally {
	await closeDb();
}
