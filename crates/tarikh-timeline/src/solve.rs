//! Solving the network: per connected component, the constraints are added strongest first and
//! one that closes a negative cycle with those kept before it (so the weakest of that cycle) is
//! left out and reported with the cycle; then each point gets its earliest and latest time.
//!
//! The kept constraints are the greedy maximal consistent set: no constraint is left out that
//! the stronger ones kept allow. (Until the `stn9` branch a cycle was found by a search over all
//! the component's constraints at once and its weakest dropped, then the search resumed: the
//! cycle found first depended on the search order, a constraint could be dropped for a cycle a
//! weaker one dropped later would have broken too, and resuming spread each dropped date's
//! lowered distances over the whole component — ~8,900 relaxations per cycle on the 10^5-mention
//! scale test.)

use crate::conflicts::{negative_cycle, QuoteCache};
use crate::constraints::Network;
use crate::stn;
use crate::Conflict;
use petgraph::unionfind::UnionFind;
use petgraph::Direction;
use std::cmp::Reverse;
use std::collections::BTreeMap;

/// Solve the network of `ne` events: per event its [earliest start, latest start, earliest end,
/// latest end] in minutes from the origin (None: unbounded). Every constraint left out is
/// reported in `conflicts` with its negative cycle, whose events are marked in `in_conflict`.
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
    // per component root: its constraints (an empty list allocates nothing)
    let mut comp_constraints: Vec<Vec<usize>> = vec![Vec::new(); ne];
    for (ci, c) in constraints.iter().enumerate() {
        let node = if c.from != 0 { c.from } else { c.to };
        comp_constraints[comp.find((node - 1) / 2)].push(ci);
    }
    // per event: its place in its component (each event is in one component)
    let mut local: Vec<usize> = vec![0; ne];
    let mut bounds: Vec<[Option<i64>; 4]> = vec![[None; 4]; ne];
    let mut quoted = QuoteCache::default();
    let mut network = stn::Incremental::default();
    let mut comp_list: Vec<(usize, Vec<usize>)> = comps.into_iter().collect();
    comp_list.sort_by_key(|(_, evs)| evs[0]);
    for (root, evs) in comp_list {
        let cis = std::mem::take(&mut comp_constraints[root]);
        // local numbering: 0 = origin, then 2 points per event; an edge's constraint is its
        // position in `cis`, so that the search reads a small array of its own
        for (k, &e) in evs.iter().enumerate() {
            local[e] = k;
        }
        let loc = |node: usize| if node == 0 { 0 } else { let e = (node - 1) / 2; 1 + 2 * local[e] + (node - 1) % 2 };
        let edges: Vec<stn::Edge> = cis
            .iter()
            .enumerate()
            .map(|(k, &ci)| stn::Edge { from: loc(constraints[ci].from), to: loc(constraints[ci].to), weight: constraints[ci].weight, constraint: k })
            .collect();
        let g = stn::graph(1 + 2 * evs.len(), &edges);
        let (outgoing, incoming) = (stn::Adjacency::new(&g, Direction::Outgoing), stn::Adjacency::new(&g, Direction::Incoming));
        // strongest first: class, then more documents, more sources, first stated (the order
        // the weakest of a cycle is chosen by, reversed); one that closes a negative cycle with
        // the constraints kept before it is the weakest of that cycle, and is left out
        let mut order: Vec<usize> = (0..cis.len()).filter(|&k| constraints[cis[k]].active).collect();
        order.sort_by_cached_key(|&k| {
            let c = &constraints[cis[k]];
            (Reverse(c.class), Reverse(c.docs()), Reverse(c.sources.len()), cis[k])
        });
        network.reset(g.node_count(), cis.len());
        for k in order {
            let Err(local_cycle) = network.add(&outgoing, edges[k]) else { continue };
            let cycle: Vec<usize> = local_cycle.iter().map(|&k| cis[k]).collect();
            let w = cis[k];
            debug_assert!(cycle.iter().all(|&ci| {
                let (c, d) = (&constraints[ci], &constraints[w]);
                (c.class, c.docs(), c.sources.len(), Reverse(ci)) >= (d.class, d.docs(), d.sources.len(), Reverse(w))
            }));
            constraints[w].active = false;
            conflicts.push(negative_cycle(constraints, &cycle, w, in_conflict, &mut quoted));
        }
        let active = network.kept();
        let latest = stn::distances(&outgoing, active, 0);
        let earliest = stn::distances(&incoming, active, 0);
        for (k, &e) in evs.iter().enumerate() {
            let (s, t) = (1 + 2 * k, 2 + 2 * k);
            bounds[e] = [earliest[s].map(|d| -d), latest[s], earliest[t].map(|d| -d), latest[t]];
        }
    }
    bounds
}
