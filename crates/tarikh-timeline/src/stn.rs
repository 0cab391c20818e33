//! A simple temporal network: points, difference constraints `t_to − t_from ≤ w`, constraints
//! added one at a time and kept only when they close no negative cycle ([`Incremental`]), and the
//! bounds of a consistent component (a queue-based Bellman–Ford, SPFA, from the origin).

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::VecDeque;

/// One difference constraint between two points of a component graph.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Edge {
    pub from: usize,
    pub to: usize,
    pub weight: i64,
    /// Index of the constraint this edge belongs to.
    pub constraint: usize,
}

/// Build the petgraph graph of `n` points from `edges`.
pub(crate) fn graph(n: usize, edges: &[Edge]) -> DiGraph<(), (i64, usize)> {
    let mut g = DiGraph::with_capacity(n, edges.len());
    for _ in 0..n {
        g.add_node(());
    }
    for e in edges {
        g.add_edge(NodeIndex::new(e.from), NodeIndex::new(e.to), (e.weight, e.constraint));
    }
    g
}

/// No predecessor (a point whose potential is still its start value).
const NONE: u32 = u32::MAX;

/// One edge of an [`Adjacency`]: the point at its other end, the constraint it belongs to and its
/// weight, side by side, so that scanning a point's edges reads one stream of memory.
#[derive(Clone, Copy)]
struct Arc {
    to: u32,
    constraint: u32,
    weight: i64,
}

/// The edges of a component graph in one direction, laid out contiguously per point (compressed
/// sparse rows) in the order petgraph walks them (the most recently added first): the searches
/// below relax them in exactly the order a walk of the graph would, but read consecutive memory
/// instead of following petgraph's linked lists on every one of the millions of relaxations a
/// large contradictory component costs. Points and constraints are numbered in `u32` (a story's
/// component is far smaller), so that an edge takes 16 bytes.
pub(crate) struct Adjacency {
    /// Per point: where its edges begin in `arcs` (they end where the next point's begin; one
    /// more entry closes the last point's).
    start: Vec<usize>,
    arcs: Vec<Arc>,
}

impl Adjacency {
    /// The edges of `g` leaving each point (`Outgoing`) or reaching it (`Incoming`, each edge then
    /// read from its target to its source).
    pub(crate) fn new(g: &DiGraph<(), (i64, usize)>, dir: Direction) -> Adjacency {
        let n = g.node_count();
        let m = g.edge_count();
        let mut adj = Adjacency { start: Vec::with_capacity(n + 1), arcs: Vec::with_capacity(m) };
        for u in 0..n {
            adj.start.push(adj.arcs.len());
            for e in g.edges_directed(NodeIndex::new(u), dir) {
                let v = match dir {
                    Direction::Outgoing => e.target(),
                    Direction::Incoming => e.source(),
                };
                adj.arcs.push(Arc { to: v.index() as u32, constraint: e.weight().1 as u32, weight: e.weight().0 });
            }
        }
        adj.start.push(adj.arcs.len());
        adj
    }

    /// Number of points.
    pub(crate) fn points(&self) -> usize {
        self.start.len() - 1
    }

    /// The edges of point `u`.
    fn edges(&self, u: usize) -> &[Arc] {
        &self.arcs[self.start[u]..self.start[u + 1]]
    }
}

/// The potential every point other than the origin starts from: far above any time a story
/// states (2^40 minutes is two million years), so that a point no constraint reaches from the
/// origin keeps a potential no sum of stated weights can bring near the origin's.
const UNREACHED: i64 = 1 << 40;

/// How many points up the chain of tight predecessors of a new constraint's tail are marked
/// before a search (see [`Incremental::add`]); a cycle through a point further up is still found,
/// when the search reaches the tail itself.
const ANCESTORS: usize = 4096;

/// Incremental consistency of a component (Cotton and Maler's propagation of difference
/// constraints, as SMT solvers use it): constraints are added one at a time, and each is kept
/// only if it closes no negative cycle with those kept before it.
///
/// A potential `pot` is kept feasible for the kept constraints (`pot[to] ≤ pot[from] + weight`
/// for each). Adding `from → to` of weight `w` that the potential already satisfies costs O(1);
/// otherwise a Dijkstra search over reduced costs (non-negative under a feasible potential) from
/// `to` lowers only the points whose potential must drop, and the constraint closes a negative
/// cycle exactly when the search would lower `from` itself. Its cost is that of the region the
/// new constraint moves, not of the component: the origin starts at 0 and every other point far
/// above ([`UNREACHED`]), so a point's potential is its latest time whenever a date reaches it,
/// and the origin's potential only drops when a negative cycle passes through it.
///
/// Every point keeps the constraint that last set its potential (its tight predecessor: the
/// potential is exactly the predecessor's plus that weight). A point the search would lower that
/// is a tight ancestor of `from` closes a cycle at once (the new constraint, the search's path to
/// that point, then the tight chain down to `from`), so the search stops there instead of
/// spreading a lowered origin to every dated event first.
#[derive(Default)]
pub(crate) struct Incremental {
    /// A feasible potential of the kept constraints.
    pot: Vec<i64>,
    /// Per point: the point its potential came through (`NONE`: the start value).
    pred: Vec<u32>,
    /// Per point: the constraint its potential came through (meaningful where `pred` is set).
    pred_constraint: Vec<u32>,
    /// Per constraint: kept (added without closing a negative cycle).
    kept: Vec<bool>,
    /// Scratch of one search, valid for a point where its stamp equals `round`.
    round: u32,
    /// Per point: the round in which `gain` and `parent` were set.
    seen: Vec<u32>,
    /// Per point: the round in which it was settled (popped).
    settled: Vec<u32>,
    /// Per point: the round in which it was marked a tight ancestor of the new constraint's tail.
    ancestor: Vec<u32>,
    /// Per point: how much its potential drops (negative).
    gain: Vec<i64>,
    /// Per point: the point and constraint the search reached it through.
    parent: Vec<(u32, u32)>,
    heap: std::collections::BinaryHeap<std::cmp::Reverse<(i64, u32)>>,
    lowered: Vec<u32>,
}

impl Incremental {
    /// A component of `points` points (point 0 the origin) and `constraints` constraints, none
    /// kept yet.
    #[cfg(test)]
    pub(crate) fn new(points: usize, constraints: usize) -> Incremental {
        let mut network = Incremental::default();
        network.reset(points, constraints);
        network
    }

    /// Start over on a component of `points` points (point 0 the origin) and `constraints`
    /// constraints, none kept yet, reusing the buffers of the one before (a story has thousands
    /// of components, most of one event).
    pub(crate) fn reset(&mut self, points: usize, constraints: usize) {
        self.pot.clear();
        self.pot.resize(points, UNREACHED);
        if let Some(origin) = self.pot.first_mut() {
            *origin = 0;
        }
        self.pred.clear();
        self.pred.resize(points, NONE);
        self.pred_constraint.resize(points, 0);
        self.kept.clear();
        self.kept.resize(constraints, false);
        // (stamps of earlier rounds stay below the next round's)
        for stamps in [&mut self.seen, &mut self.settled, &mut self.ancestor] {
            stamps.resize(points, 0);
        }
        self.gain.resize(points, 0);
        self.parent.resize(points, (NONE, 0));
    }

    /// Per constraint: whether it was kept.
    pub(crate) fn kept(&self) -> &[bool] {
        &self.kept
    }

    /// Add `e` (its constraint indexes `g`'s edges): kept if it closes no negative cycle with the
    /// constraints kept so far, else left out and a negative cycle through it returned (its
    /// constraint indices in order, `e`'s first). `g` holds every edge of the component; only
    /// those of kept constraints count.
    pub(crate) fn add(&mut self, g: &Adjacency, e: Edge) -> Result<(), Vec<usize>> {
        let (u, v) = (e.from, e.to);
        let first = self.pot[u] + e.weight - self.pot[v];
        if first >= 0 {
            self.kept[e.constraint] = true;
            return Ok(());
        }
        self.next_round();
        let round = self.round;
        let mut x = u;
        for _ in 0..ANCESTORS {
            self.ancestor[x] = round;
            match self.pred[x] {
                NONE => break,
                p => x = p as usize,
            }
        }
        self.heap.clear();
        self.lowered.clear();
        self.seen[v] = round;
        self.gain[v] = first;
        self.parent[v] = (u as u32, e.constraint as u32);
        self.heap.push(std::cmp::Reverse((first, v as u32)));
        while let Some(std::cmp::Reverse((gain, x))) = self.heap.pop() {
            let x = x as usize;
            if self.settled[x] == round || gain != self.gain[x] {
                continue;
            }
            self.settled[x] = round;
            if self.ancestor[x] == round {
                return Err(self.cycle(x, u, v));
            }
            self.lowered.push(x as u32);
            let px = self.pot[x] + gain;
            for arc in g.edges(x) {
                let y = arc.to as usize;
                if !self.kept[arc.constraint as usize] || self.settled[y] == round {
                    continue;
                }
                let gy = px + arc.weight - self.pot[y];
                if gy < 0 && (self.seen[y] != round || gy < self.gain[y]) {
                    self.seen[y] = round;
                    self.gain[y] = gy;
                    self.parent[y] = (x as u32, arc.constraint);
                    self.heap.push(std::cmp::Reverse((gy, arc.to)));
                }
            }
        }
        for &x in &self.lowered {
            let x = x as usize;
            self.pot[x] += self.gain[x];
            (self.pred[x], self.pred_constraint[x]) = self.parent[x];
        }
        self.kept[e.constraint] = true;
        Ok(())
    }

    /// A new round of scratch marks (all cleared when the stamp would wrap).
    fn next_round(&mut self) {
        if self.round == u32::MAX {
            for stamps in [&mut self.seen, &mut self.settled, &mut self.ancestor] {
                stamps.iter_mut().for_each(|s| *s = 0);
            }
            self.round = 0;
        }
        self.round += 1;
    }

    /// The negative cycle the search found at `x`, a tight ancestor of `u` (the new constraint
    /// goes from `u` to `v`): the new constraint, the search's path from `v` to `x`, then the
    /// chain of tight predecessors from `x` down to `u`.
    fn cycle(&self, x: usize, u: usize, v: usize) -> Vec<usize> {
        let mut searched = Vec::new();
        let mut y = x;
        while y != v {
            let (p, c) = self.parent[y];
            searched.push(c as usize);
            y = p as usize;
        }
        let mut tight = Vec::new();
        let mut y = u;
        while y != x {
            tight.push(self.pred_constraint[y] as usize);
            y = self.pred[y] as usize;
        }
        let mut cycle = Vec::with_capacity(1 + searched.len() + tight.len());
        cycle.push(self.parent[v].1 as usize);
        cycle.extend(searched.iter().rev());
        cycle.extend(tight.iter().rev());
        cycle
    }
}

/// Shortest distances from `source` along the edges of `g` (built `Outgoing` for latest times,
/// `Incoming` for earliest). Must only be called on a graph without negative cycles. `None` =
/// unreachable (unbounded).
pub(crate) fn distances(g: &Adjacency, active: &[bool], source: usize) -> Vec<Option<i64>> {
    let n = g.points();
    let mut dist: Vec<Option<i64>> = vec![None; n];
    let mut inq = vec![false; n];
    let mut relaxations = vec![0usize; n];
    let mut queue = VecDeque::new();
    dist[source] = Some(0);
    queue.push_back(source);
    inq[source] = true;
    while let Some(u) = queue.pop_front() {
        inq[u] = false;
        let du = dist[u].expect("queued points have a distance");
        for arc in g.edges(u) {
            let v = arc.to as usize;
            if !active[arc.constraint as usize] {
                continue;
            }
            let nd = du + arc.weight;
            if dist[v].is_none_or(|d| nd < d) {
                dist[v] = Some(nd);
                relaxations[v] += 1;
                if relaxations[v] > n {
                    // cannot happen without a negative cycle; stop rather than loop
                    return dist;
                }
                if !inq[v] {
                    inq[v] = true;
                    queue.push_back(v);
                }
            }
        }
    }
    dist
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The constraints `edges` kept, added in their order, and the cycles of those left out.
    fn add_all(n: usize, edges: &[Edge]) -> (Vec<bool>, Vec<Vec<usize>>) {
        let g = Adjacency::new(&graph(n, edges), Direction::Outgoing);
        let mut inc = Incremental::new(n, edges.len());
        let mut cycles = Vec::new();
        for e in edges {
            if let Err(cycle) = inc.add(&g, *e) {
                cycles.push(cycle);
            }
        }
        (inc.kept().to_vec(), cycles)
    }

    #[test]
    fn finds_cycle_and_bounds() {
        // 0 origin, 1 a, 2 b. a >= 10 (1->0: -10), b - a <= 5, a <= 30
        let edges = vec![
            Edge { from: 1, to: 0, weight: -10, constraint: 0 },
            Edge { from: 1, to: 2, weight: 5, constraint: 1 },
            Edge { from: 0, to: 1, weight: 30, constraint: 2 },
        ];
        let (kept, cycles) = add_all(3, &edges);
        assert!(cycles.is_empty());
        let g = graph(3, &edges);
        let (out, inc) = (Adjacency::new(&g, Direction::Outgoing), Adjacency::new(&g, Direction::Incoming));
        let latest = distances(&out, &kept, 0);
        let earliest = distances(&inc, &kept, 0);
        assert_eq!(latest[1], Some(30));
        assert_eq!(latest[2], Some(35));
        assert_eq!(earliest[1], Some(-10));
        // a <= 3 contradicts a >= 10: left out, and the cycle is it then a >= 10
        let mut e2 = edges.clone();
        e2.push(Edge { from: 0, to: 1, weight: 3, constraint: 3 });
        let (kept, cycles) = add_all(3, &e2);
        assert_eq!(kept, vec![true, true, true, false]);
        assert_eq!(cycles, vec![vec![3, 0]]);
        // a self-loop of negative weight is a cycle on its own; one of weight 0 is kept
        let (kept, cycles) = add_all(2, &[Edge { from: 1, to: 1, weight: -1, constraint: 0 }, Edge { from: 1, to: 1, weight: 0, constraint: 1 }]);
        assert_eq!((kept, cycles), (vec![false, true], vec![vec![0]]));
    }

    /// Whether the constraints `kept` of `edges` are consistent (Bellman–Ford from a virtual
    /// source reaching every point at 0).
    fn consistent(n: usize, edges: &[Edge], kept: &[bool]) -> bool {
        let mut dist = vec![0i64; n];
        for _ in 0..=n {
            let mut changed = false;
            for e in edges.iter().filter(|e| kept[e.constraint]) {
                if dist[e.from] + e.weight < dist[e.to] {
                    dist[e.to] = dist[e.from] + e.weight;
                    changed = true;
                }
            }
            if !changed {
                return true;
            }
        }
        false
    }

    #[test]
    fn every_constraint_left_out_closes_a_negative_cycle_with_those_kept_before_it() {
        // random networks, with an origin many points are dated against (as a story's dates
        // are), long chains of 0..2 and random shortcuts, some negative: after every addition the
        // kept constraints are consistent, each one left out makes the constraints kept before
        // it inconsistent, and its reported cycle is a real negative cycle through it
        let mut seed = 7u64;
        let mut next = |m: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % m
        };
        let (mut left_out, mut long, mut through_origin) = (0, 0, 0);
        for _ in 0..300 {
            let n = 20 + next(180) as usize;
            let mut edges: Vec<Edge> = Vec::new();
            for k in 1..n - 1 {
                edges.push(Edge { from: k, to: k + 1, weight: next(3) as i64, constraint: edges.len() });
            }
            for _ in 0..next(n as u64 / 3 + 1) {
                let p = 1 + next(n as u64 - 1) as usize;
                let (a, b) = (next(50) as i64, 50 + next(50) as i64);
                edges.push(Edge { from: p, to: 0, weight: -a, constraint: edges.len() });
                edges.push(Edge { from: 0, to: p, weight: b, constraint: edges.len() });
            }
            for _ in 0..next(n as u64 / 4 + 1) {
                let (from, to) = (next(n as u64) as usize, next(n as u64) as usize);
                edges.push(Edge { from, to, weight: next(40) as i64 - 30, constraint: edges.len() });
            }
            // a random order of addition
            for k in (1..edges.len()).rev() {
                let j = next(k as u64 + 1) as usize;
                edges.swap(k, j);
            }
            let g = Adjacency::new(&graph(n, &edges), Direction::Outgoing);
            let mut inc = Incremental::new(n, edges.len());
            for (k, e) in edges.iter().enumerate() {
                let before = inc.kept().to_vec();
                match inc.add(&g, *e) {
                    Ok(()) => assert!(consistent(n, &edges, inc.kept()), "kept {k}"),
                    Err(cycle) => {
                        left_out += 1;
                        let mut with = before.clone();
                        with[e.constraint] = true;
                        assert!(!consistent(n, &edges, &with), "left out {k} though consistent");
                        assert_eq!(cycle[0], e.constraint);
                        assert!(cycle[1..].iter().all(|&c| before[c]), "{cycle:?}");
                        let by_constraint = |c: usize| edges.iter().find(|x| x.constraint == c).copied().unwrap();
                        let total: i64 = cycle.iter().map(|&c| by_constraint(c).weight).sum();
                        assert!(total < 0, "{cycle:?}");
                        for (a, b) in cycle.iter().zip(cycle.iter().cycle().skip(1)) {
                            assert_eq!(by_constraint(*a).to, by_constraint(*b).from, "{cycle:?}");
                        }
                        long += usize::from(cycle.len() > 16);
                        through_origin += usize::from(cycle.iter().any(|&c| by_constraint(c).to == 0));
                    }
                }
            }
        }
        assert!(left_out > 100 && long > 5 && through_origin > 50, "{left_out} {long} {through_origin}");
    }
}
