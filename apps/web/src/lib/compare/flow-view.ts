import type { PairComparison } from '@tessera/scenarios';

/** One cell of the flow matrix whose accounts changed hands. */
export interface Flow {
  from: number;
  to: number;
  fromLabel: string;
  toLabel: string;
  accounts: number;
  workload: number;
}

export interface FlowView {
  /** Every moving cell, largest first (by accounts, then workload). */
  flows: Flow[];
  totalAccounts: number;
  totalWorkload: number;
}

/**
 * The flows of a pair: the cells of its matrix that hold moved accounts. compareRuns decides
 * per cell whether its accounts stay (same territory id and rep on both sides) or move, so a
 * cell that holds one moved account holds only moved accounts: its counts are the flow.
 * `label` turns a row or column label (a territory id of the first or second run, or the
 * unassigned / absent rows) into the words shown.
 */
export function flowView(
  pair: PairComparison,
  label: (id: string, side: 'from' | 'to') => string = (id) => id,
): FlowView {
  const { flow, moved } = pair;
  const cols = flow.to.length;
  const seen = new Set<number>();
  for (let k = 0; k < moved.count; k++) seen.add(moved.from[k]! * cols + moved.to[k]!);
  const flows: Flow[] = [];
  let totalAccounts = 0;
  let totalWorkload = 0;
  for (const cell of seen) {
    const from = Math.floor(cell / cols);
    const to = cell % cols;
    const accounts = flow.accounts[from]?.[to] ?? 0;
    const workload = flow.workload[from]?.[to] ?? 0;
    totalAccounts += accounts;
    totalWorkload += workload;
    flows.push({
      from,
      to,
      fromLabel: label(flow.from[from] ?? '', 'from'),
      toLabel: label(flow.to[to] ?? '', 'to'),
      accounts,
      workload,
    });
  }
  flows.sort(
    (x, y) => y.accounts - x.accounts || y.workload - x.workload || x.from - y.from || x.to - y.to,
  );
  return { flows, totalAccounts, totalWorkload };
}

export interface SankeyNode {
  label: string;
  y: number;
  height: number;
}

export interface SankeyLink {
  flow: Flow;
  /** SVG path of the ribbon, from the left node to the right one. */
  path: string;
  width: number;
}

export interface SankeyLayout {
  width: number;
  height: number;
  left: SankeyNode[];
  right: SankeyNode[];
  links: SankeyLink[];
  /** Flows left out of the drawing (the table lists them all). */
  hidden: { flows: number; accounts: number };
}

export interface SankeyOptions {
  width: number;
  /** At most this many ribbons: the largest flows. */
  maxFlows?: number;
  nodeWidth?: number;
  gap?: number;
  /** Pixels per account, capped so the drawing stays within `maxHeight`. */
  maxHeight?: number;
}

/**
 * A two-column Sankey-like layout of the largest flows: territories losing accounts on the
 * left, gaining on the right, ribbon thickness by accounts. Deterministic, no library.
 */
export function sankeyLayout(view: FlowView, options: SankeyOptions): SankeyLayout {
  const { width, maxFlows = 12, nodeWidth = 10, gap = 8, maxHeight = 360 } = options;
  const shown = view.flows.slice(0, maxFlows);
  const hiddenFlows = view.flows.slice(maxFlows);
  const hidden = {
    flows: hiddenFlows.length,
    accounts: hiddenFlows.reduce((sum, f) => sum + f.accounts, 0),
  };
  const sideTotals = (key: 'fromLabel' | 'toLabel') => {
    const totals = new Map<string, number>();
    for (const f of shown) totals.set(f[key], (totals.get(f[key]) ?? 0) + f.accounts);
    return [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  const leftTotals = sideTotals('fromLabel');
  const rightTotals = sideTotals('toLabel');
  const total = shown.reduce((sum, f) => sum + f.accounts, 0);
  const gaps = Math.max(leftTotals.length, rightTotals.length) - 1;
  const scale = total > 0 ? Math.max(0, maxHeight - gap * Math.max(0, gaps)) / total : 0;
  const MIN = 2;
  const place = (totals: [string, number][]): SankeyNode[] => {
    let y = 0;
    return totals.map(([label, n]) => {
      const height = Math.max(MIN, n * scale);
      const node = { label, y, height };
      y += height + gap;
      return node;
    });
  };
  const left = place(leftTotals);
  const right = place(rightTotals);
  const height = Math.max(...[...left, ...right].map((n) => n.y + n.height), 0);
  const leftAt = new Map(left.map((n) => [n.label, { node: n, used: 0 }]));
  const rightAt = new Map(right.map((n) => [n.label, { node: n, used: 0 }]));
  const x0 = nodeWidth;
  const x1 = width - nodeWidth;
  const mid = (x0 + x1) / 2;
  const links = shown.map((flow): SankeyLink => {
    const l = leftAt.get(flow.fromLabel)!;
    const r = rightAt.get(flow.toLabel)!;
    const w = Math.max(1, flow.accounts * scale);
    const ya = l.node.y + l.used + w / 2;
    const yb = r.node.y + r.used + w / 2;
    l.used += flow.accounts * scale;
    r.used += flow.accounts * scale;
    const path = `M${fix(x0)},${fix(ya)} C${fix(mid)},${fix(ya)} ${fix(mid)},${fix(yb)} ${fix(x1)},${fix(yb)}`;
    return { flow, path, width: w };
  });
  return { width, height, left, right, links, hidden };
}

const fix = (v: number): string => (Math.round(v * 10) / 10).toString();
