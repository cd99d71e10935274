/** Below this a path is not shorter: float noise must not create cycles of "improvements". */
const EPSILON = 1e-12;

/**
 * Places reps into groups so that group g gets exactly `seats[g]` reps (reps beyond the total
 * get -1) and the total preference `Σ score[r × groups + g(r)]` is as large as possible: an
 * exact assignment, not a greedy pass, so one rep's good fit never blocks a better overall
 * one (a healthcare-and-finance rep goes where the other skilled reps are fewest).
 *
 * Successive shortest paths: reps are placed one at a time along the cheapest chain
 * "rep → group a, a rep of a moves on to group b, …, ending in a group with a free seat",
 * found by Bellman–Ford on the groups (moving a rep from a to b costs the score it loses).
 * Each placement keeps the assignment optimal for the reps placed so far. Cost
 * O(R² · G + R · G³) for R reps and G groups: instant for the tens of groups a split makes.
 * Ties go to the lower rep and group index, so the result is deterministic.
 */
export function assignRepsToGroups(
  score: Float64Array,
  repCount: number,
  seats: Int32Array,
): Int32Array {
  const groups = seats.length;
  const groupOf = new Int32Array(repCount).fill(-1);
  const used = new Int32Array(groups);
  let open = 0;
  for (let g = 0; g < groups; g++) open += Math.max(0, seats[g]!);
  if (groups === 0) return groupOf;

  const members: number[][] = Array.from({ length: groups }, () => []);
  const dist = new Float64Array(groups);
  const fromGroup = new Int32Array(groups);
  const viaRep = new Int32Array(groups);
  const edgeCost = new Float64Array(groups * groups);
  const edgeRep = new Int32Array(groups * groups);
  const s = (r: number, g: number): number => score[r * groups + g]!;

  for (let r = 0; r < repCount && open > 0; r++) {
    // Cheapest move out of each group into each other: the member that loses least.
    edgeCost.fill(Infinity);
    edgeRep.fill(-1);
    for (let a = 0; a < groups; a++) {
      for (const m of members[a]!) {
        const here = s(m, a);
        for (let b = 0; b < groups; b++) {
          if (b === a || seats[b]! <= 0) continue;
          const cost = here - s(m, b);
          if (cost < edgeCost[a * groups + b]! - EPSILON) {
            edgeCost[a * groups + b] = cost;
            edgeRep[a * groups + b] = m;
          }
        }
      }
    }
    for (let g = 0; g < groups; g++) {
      dist[g] = seats[g]! > 0 ? -s(r, g) : Infinity;
      fromGroup[g] = -1;
      viaRep[g] = r;
    }
    for (let round = 1; round < groups; round++) {
      let changed = false;
      for (let a = 0; a < groups; a++) {
        if (dist[a] === Infinity) continue;
        for (let b = 0; b < groups; b++) {
          const cost = edgeCost[a * groups + b]!;
          if (cost === Infinity) continue;
          if (dist[a]! + cost < dist[b]! - EPSILON) {
            dist[b] = dist[a]! + cost;
            fromGroup[b] = a;
            viaRep[b] = edgeRep[a * groups + b]!;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    let end = -1;
    for (let g = 0; g < groups; g++) {
      if (used[g]! < seats[g]! && (end < 0 || dist[g]! < dist[end]! - EPSILON)) end = g;
    }
    if (end < 0) break;
    // Walk the chain back: each group hands one member on and takes the one before it.
    used[end] = used[end]! + 1;
    open--;
    let g = end;
    for (let steps = 0; steps <= groups; steps++) {
      const rep = viaRep[g]!;
      const previous = fromGroup[g]!;
      if (previous >= 0) {
        const list = members[previous]!;
        list.splice(list.indexOf(rep), 1);
      }
      members[g]!.push(rep);
      groupOf[rep] = g;
      if (previous < 0) break;
      g = previous;
    }
  }
  return groupOf;
}
