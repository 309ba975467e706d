// Small helpers for the SVG our pictures draw: escaping, and numbers short enough for an axis.

export function escape(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}

/** A number as an axis label: at most 4 significant digits, no trailing zeros. */
export function shortNumber(value: number): string {
    if (!Number.isFinite(value)) {
        return String(value);
    }
    return Math.abs(value) >= 1e5 || (value !== 0 && Math.abs(value) < 1e-3)
        ? value.toExponential(2) : String(Number(value.toPrecision(4)));
}

/** Round a coordinate to 0.1 px: shorter markup, same picture. */
export function px(value: number): string {
    return String(Math.round(value * 10) / 10);
}
