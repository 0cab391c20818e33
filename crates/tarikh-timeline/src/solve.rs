//! Solving the network: per connected component, negative cycles are found, reported and broken
//! by dropping their weakest constraint, then each point gets its earliest and latest time.

use crate::conflicts::{negative_cycle, QuoteCache};
use crate::constraints::{Network, C_STRUCTURAL};
use crate::stn;
use crate::Conflict;
use petgraph::unionfind::UnionFind;
use petgraph::Direction;
use std::collections::{BTreeMap, HashMap};

/// Solve the network of `ne` events: per event its [earliest start, latest start, earliest end,
/// latest end] in minutes from the origin (None: unbounded). Every negative cycle is reported in
/// `conflicts` and its events marked in `in_conflict`.
pub(crate) fn solve(ne: usize, net: &mut Network, conflicts: &mut Vec<Conflict>, in_conflict: &mut [bool]) -> Vec<[Option<i64>; 4]> {
    let constraints = &mut net.constraints;
    let mut comp: UnionFind<usize> = UnionFind::new(ne.max(1));
    for c in constraints.iter() {
        if c.from != 0 && c.to != 0 {
            comp.union((c.from - 1) / 2, (c.to - 1) / 2);
        }
    }
    let mut comps: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for e in 0..ne {
        comps.entry(comp.find(e)).or_default().push(e);
    }
    let mut comp_constraints: HashMap<usize, Vec<usize>> = HashMap::new();
    for (ci, c) in constraints.iter().enumerate() {
        let node = if c.from != 0 { c.from } else { c.to };
        comp_constraints.entry(comp.find((node - 1) / 2)).or_default().push(ci);
    }
    let mut bounds: Vec<[Option<i64>; 4]> = vec![[None; 4]; ne];
    let mut quoted = QuoteCache::default();
    let mut comp_list: Vec<(usize, Vec<usize>)> = comps.into_iter().collect();
    comp_list.sort_by_key(|(_, evs)| evs[0]);
    for (root, evs) in comp_list {
        let cis = comp_constraints.remove(&root).unwrap_or_default();
        // local numbering: 0 = origin, then 2 points per event; an edge's constraint is its
        // position in `cis`, so that the search reads a small array of its own
        let local: HashMap<usize, usize> = evs.iter().enumerate().map(|(k, &e)| (e, k)).collect();
        let loc = |node: usize| if node == 0 { 0 } else { let e = (node - 1) / 2; 1 + 2 * local[&e] + (node - 1) % 2 };
        let edges: Vec<stn::Edge> = cis
            .iter()
            .enumerate()
            .map(|(k, &ci)| stn::Edge { from: loc(constraints[ci].from), to: loc(constraints[ci].to), weight: constraints[ci].weight, constraint: k })
            .collect();
        let g = stn::graph(1 + 2 * evs.len(), &edges);
        let (outgoing, incoming) = (stn::Adjacency::new(&g, Direction::Outgoing), stn::Adjacency::new(&g, Direction::Incoming));
        let mut active: Vec<bool> = cis.iter().map(|&ci| constraints[ci].active).collect();
        let mut search = stn::CycleSearch::new(g.node_count());
        while let Some(local_cycle) = search.run(&outgoing, &active) {
            let cycle: Vec<usize> = local_cycle.iter().map(|&k| cis[k]).collect();
            let mut uniq: Vec<usize> = cycle.clone();
            uniq.sort_unstable();
            uniq.dedup();
            // the weakest: lowest class, then fewest documents, fewest sources, latest stated
            // (documents counted only for the constraints of the lowest class: a date a whole
            // story repeats has hundreds of sources to count)
            let breakable = || uniq.iter().copied().filter(|&ci| constraints[ci].class != C_STRUCTURAL);
            let lowest = breakable().map(|ci| constraints[ci].class).min();
            let weakest = breakable().filter(|&ci| Some(constraints[ci].class) == lowest).min_by_key(|&ci| {
                let c = &constraints[ci];
                (c.docs(), c.sources.len(), std::cmp::Reverse(ci))
            });
            let Some(w) = weakest else { break };
            if let Some(k) = local_cycle.iter().copied().find(|&k| cis[k] == w) {
                search.deactivate(&mut active, k, edges[k].to);
            }
            constraints[w].active = false;
            conflicts.push(negative_cycle(constraints, &cycle, w, in_conflict, &mut quoted));
        }
        let latest = stn::distances(&outgoing, &active, 0);
        let earliest = stn::distances(&incoming, &active, 0);
        for (k, &e) in evs.iter().enumerate() {
            let (s, t) = (1 + 2 * k, 2 + 2 * k);
            bounds[e] = [earliest[s].map(|d| -d), latest[s], earliest[t].map(|d| -d), latest[t]];
        }
    }
    bounds
}
