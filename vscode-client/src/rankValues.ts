// "Evaluate on All Ranks", the pure part: the expression each rank evaluates, which values differ from the majority,
// the summary line and the table's HTML. The same rules as the console's `p all` (docs/protocol.md, "One expression
// on every rank"): equal text, equal value; the majority is the most common value when no other is as common.
import { escape } from './pictures/svg';

/** A rank's answer: its value, or undefined when it was not paused (so not evaluated). */
export interface RankValue { label: string; rank?: number; node?: number; value?: string }
export interface RankRow extends RankValue { differs: boolean }
export interface Comparison { rows: RankRow[]; majority?: string; summary: string }

/** What a rank evaluates: the shim's one-line comparable text of the expression's value. */
export function fingerprintExpression(expression: string): string {
    return `__import__('aml_debug_fingerprint').of((${expression}))`;
}

export function compareValues(values: RankValue[]): Comparison {
    const evaluated = values.filter(v => v.value !== undefined);
    const counts = new Map<string, number>();
    evaluated.forEach(v => counts.set(v.value!, (counts.get(v.value!) ?? 0) + 1));
    const most = Math.max(0, ...counts.values());
    const mostCommon = [...counts.keys()].filter(value => counts.get(value) === most);
    const majority = mostCommon.length === 1 ? mostCommon[0] : undefined;
    const rows = values.map(v => ({ ...v, differs: v.value !== undefined && majority !== undefined && v.value !== majority }));
    return { rows, majority, summary: summary(rows, counts.size, majority) };
}

function summary(rows: RankRow[], distinct: number, majority: string | undefined): string {
    const evaluated = rows.filter(r => r.value !== undefined).length;
    const running = rows.filter(r => r.value === undefined).map(r => r.label);
    const differing = rows.filter(r => r.differs).map(r => r.label);
    const of = running.length === 0 ? ' ranks' : ' paused ranks';
    let agreement: string;
    if (evaluated === 0) {
        agreement = 'no rank is paused';
    } else if (evaluated === 1) {
        agreement = '1 rank evaluated';
    } else if (majority === undefined) {
        agreement = `no value has a majority: ${distinct} values among ${evaluated}${of}`;
    } else if (differing.length === 0) {
        agreement = `all ${evaluated}${of} agree`;
    } else {
        agreement = `${evaluated - differing.length} of ${evaluated}${of} agree; ${differing.join(', ')}`
            + (differing.length === 1 ? ' differs' : ' differ');
    }
    return running.length === 0 ? agreement : `${agreement}; ${running.join(', ')} ${running.length === 1 ? 'is' : 'are'} running`;
}

/** The table: rank, node, value; a differing row marked (and coloured by the page), a running one said so. */
export function valuesHtml(expression: string, comparison: Comparison): string {
    const cell = (n?: number) => `<td>${n === undefined ? '-' : n}</td>`;
    const rows = comparison.rows.map(r => {
        const kind = r.value === undefined ? 'running' : r.differs ? 'differs' : 'agrees';
        const value = r.value === undefined ? 'running, not evaluated' : escape(r.value);
        const mark = r.differs ? '≠ differs' : '';
        return `<tr class="${kind}">${cell(r.rank)}${cell(r.node)}<td class="value">${value}</td><td class="mark">${mark}</td></tr>`;
    });
    return `<p class="expression"><code>${escape(expression)}</code> `
        + `<a class="action" data-action="again">Evaluate again</a></p>`
        + `<table class="values"><thead><tr><th>rank</th><th>node</th><th>value</th><th></th></tr></thead>`
        + `<tbody>${rows.join('')}</tbody></table><p class="summary">${escape(comparison.summary)}</p>`;
}
