//! A simple temporal network: points, difference constraints `t_to − t_from ≤ w`, negative-cycle
//! detection and bounds, solved per connected component with a queue-based Bellman–Ford (SPFA).

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

/// No predecessor (a point whose distance was never lowered, or lowered through a constraint
/// dropped since).
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

/// The search's queue of points: a ring over a power-of-two buffer of `u32`, large enough for
/// every point at once (a point is queued at most once), so that the tens of millions of pushes
/// and pops of a large contradictory component neither grow nor wrap by division.
struct Ring {
    buf: Vec<u32>,
    head: usize,
    len: usize,
    mask: usize,
}

impl Ring {
    /// Points `0..n`, in order.
    fn with_all(n: usize) -> Ring {
        let cap = (n + 1).next_power_of_two();
        let mut buf = vec![0u32; cap];
        for (k, slot) in buf.iter_mut().take(n).enumerate() {
            *slot = k as u32;
        }
        Ring { buf, head: 0, len: n, mask: cap - 1 }
    }

    fn pop_front(&mut self) -> Option<usize> {
        if self.len == 0 {
            return None;
        }
        let x = self.buf[self.head];
        self.head = (self.head + 1) & self.mask;
        self.len -= 1;
        Some(x as usize)
    }

    fn push_back(&mut self, x: usize) {
        self.buf[(self.head + self.len) & self.mask] = x as u32;
        self.len += 1;
    }

    fn push_front(&mut self, x: usize) {
        self.head = (self.head + self.mask) & self.mask;
        self.buf[self.head] = x as u32;
        self.len += 1;
    }
}

/// How many points of a chain of predecessors are looked at for a short cycle.
const CHAIN: usize = 16;

/// A point and its first predecessors (see [`CycleSearch::chain`]); empty: not read yet.
#[derive(Default)]
struct Chain {
    points: [u32; CHAIN],
    len: usize,
    /// Bit `x % 64` set for every point `x` of the chain: most points relaxed are not in it, and
    /// a clear bit says so without comparing them with each.
    bits: u64,
}

impl Chain {
    fn push(&mut self, x: u32) {
        self.points[self.len] = x;
        self.len += 1;
        self.bits |= 1 << (x % 64);
    }

    fn contains(&self, x: u32) -> bool {
        self.bits & (1 << (x % 64)) != 0 && self.points[..self.len].contains(&x)
    }
}

/// Incremental negative-cycle search: every point starts at distance 0 (as if a virtual source
/// reached all of them), SPFA relaxes the active edges, and every `n` relaxations the predecessor
/// graph is checked for a cycle (a cycle there is always negative), so a cycle is found after
/// O(n) amortised extra work instead of after n rounds. (The check walks the whole graph only
/// when a walk from the points that may have closed a cycle unseen meets itself, see
/// [`CycleSearch::suspects_closed`]: on a large component nearly every check finds nothing.) After the caller deactivates a
/// constraint of the reported cycle ([`CycleSearch::deactivate`]), [`CycleSearch::run`] resumes
/// from the current distances.
///
/// The predecessor walks after every relaxation are most of the search's time on a large
/// contradictory component (10^7 relaxations for 10^5 mentions): each step is a load that
/// depends on the one before. So a predecessor is kept as a bare `u32` point, in an array small
/// enough to stay in the fastest cache, and a predecessor through a dropped constraint is erased
/// when the constraint is dropped instead of being checked at every step.
pub(crate) struct CycleSearch {
    dist: Vec<i64>,
    /// Per point: the point its distance came through (`NONE`: none).
    pred: Vec<u32>,
    /// Per point: the constraint its distance came through (meaningful where `pred` is set).
    pred_constraint: Vec<u32>,
    /// Per point: how many points have it as their predecessor. A point that is no one's
    /// predecessor cannot be among the predecessors of the point relaxing it, so relaxing it
    /// closes no cycle and the walk up the predecessors is skipped (most points relaxed are
    /// such leaves: an event's start, reached through its end).
    children: Vec<u32>,
    inq: Vec<bool>,
    queue: Ring,
    relaxations: usize,
    /// The relaxation count at which the predecessor graph is checked next (every `n`th: kept as
    /// a count to reach rather than a remainder to take, a division on each of millions of
    /// relaxations).
    next_check: usize,
    /// Buffers of the periodic predecessor-graph check, kept between checks.
    state: Vec<u8>,
    walk: Vec<usize>,
    /// Points that may close a cycle of the predecessor graph the short check did not see: `v`
    /// where a relaxation made it the child of a point whose chain of predecessors is longer
    /// than the short check reads and does not show `v` (see [`CycleSearch::suspects_closed`]).
    suspects: Vec<u32>,
    /// Per point: whether it is in `suspects`.
    suspect: Vec<bool>,
    /// Whether a periodic check may be skipped when no suspect closes a cycle (always, except
    /// in the test that compares the search with and without).
    trust_suspects: bool,
}

impl CycleSearch {
    /// A search over `n` points (at most `u32::MAX`: a story's component is far smaller).
    pub(crate) fn new(n: usize) -> CycleSearch {
        CycleSearch {
            dist: vec![0; n],
            pred: vec![NONE; n],
            pred_constraint: vec![0; n],
            children: vec![0; n],
            inq: vec![true; n],
            queue: Ring::with_all(n),
            relaxations: 0,
            next_check: 0,
            state: Vec::new(),
            walk: Vec::new(),
            suspects: Vec::new(),
            suspect: vec![false; n],
            trust_suspects: true,
        }
    }

    /// Run until the network is consistent (None) or a negative cycle is found (its constraint
    /// indices, in order). `active[c]` tells whether constraint `c` still counts.
    pub(crate) fn run(&mut self, g: &Adjacency, active: &[bool]) -> Option<Vec<usize>> {
        let n = g.points().max(1);
        if self.next_check == 0 {
            self.next_check = n;
        }
        while let Some(u) = self.queue.pop_front() {
            self.inq[u] = false;
            // the first predecessors of u, read when a relaxation first needs them: they stay the
            // same while u's edges are relaxed (a relaxation only sets the predecessor of a point
            // not among them, or it has found them to close a cycle), so each relaxation looks
            // them up instead of walking them again (one dependent load per step)
            let mut chain = Chain::default();
            for arc in g.edges(u) {
                let c = arc.constraint as usize;
                if !active[c] {
                    continue;
                }
                let v = arc.to as usize;
                let nd = self.dist[u] + arc.weight;
                if nd < self.dist[v] {
                    self.dist[v] = nd;
                    let old = std::mem::replace(&mut self.pred[v], u as u32);
                    if old != NONE {
                        self.children[old as usize] -= 1;
                    }
                    self.children[u] += 1;
                    self.pred_constraint[v] = c as u32;
                    if !self.inq[v] {
                        self.inq[v] = true;
                        self.queue.push_back(v);
                    }
                    self.relaxations += 1;
                    // (the count is a multiple of n)
                    let due = self.relaxations == self.next_check;
                    if due {
                        self.next_check += n;
                    }
                    // short cycles (the usual contradiction: two dates and a relation) are seen
                    // at once among the first predecessors of u (u itself first; v only when it
                    // is someone's predecessor); long ones by the periodic full check
                    let closes = (v == u || self.children[v] > 0) && {
                        if chain.len == 0 {
                            chain = self.chain(u);
                        }
                        let closes = chain.contains(v as u32);
                        if !closes && chain.len == CHAIN {
                            // v may be a predecessor of u further up than the chain shows
                            self.suspect_of_cycle(v);
                        }
                        closes
                    };
                    let found = if closes {
                        let found = self.cycle_at(g, v);
                        if found.is_none() {
                            // (cannot happen: a cycle of predecessors is negative) the full check
                            // is left to find it
                            self.suspect_of_cycle(v);
                        }
                        found
                    } else if due && self.suspects_closed() {
                        self.pred_cycle(g)
                    } else {
                        None
                    };
                    if closes {
                        // (v, among them, now has u as its predecessor: read them again)
                        chain = Chain::default();
                    }
                    if let Some(cycle) = found {
                        // u's remaining edges were not relaxed yet
                        if !self.inq[u] {
                            self.inq[u] = true;
                            self.queue.push_front(u);
                        }
                        return Some(cycle);
                    }
                }
            }
        }
        // the queue is empty: nothing can be relaxed, so no negative cycle remains
        None
    }

    /// Drop constraint `c`, whose one edge reaches point `head`: it no longer counts (`active[c]`
    /// becomes false) and no predecessor goes through it any more. (Only `head` can have its
    /// distance through `c`, so only its predecessor is looked at, not every point's: a large
    /// contradictory component drops thousands of constraints.)
    pub(crate) fn deactivate(&mut self, active: &mut [bool], c: usize, head: usize) {
        active[c] = false;
        let p = self.pred[head];
        if p != NONE && self.pred_constraint[head] as usize == c {
            self.children[p as usize] -= 1;
            self.pred[head] = NONE;
        }
    }

    /// `from` and its first 15 predecessors (fewer where the chain of predecessors ends): a
    /// point among them that `from` relaxes closes a cycle.
    fn chain(&self, from: usize) -> Chain {
        let mut chain = Chain::default();
        let mut x = from as u32;
        loop {
            chain.push(x);
            if chain.len == CHAIN {
                break;
            }
            match self.pred[x as usize] {
                NONE => break,
                p => x = p,
            }
        }
        chain
    }

    /// Remember `v` as a point that may have closed a cycle of predecessors.
    fn suspect_of_cycle(&mut self, v: usize) {
        if !self.suspect[v] {
            self.suspect[v] = true;
            self.suspects.push(v as u32);
        }
    }

    /// Whether the predecessor graph may hold a cycle: whether a walk up the predecessors from a
    /// suspect meets itself. A cycle can only appear when a relaxation makes a point the child of
    /// one of its own descendants; where the short check saw it, the cycle was reported at once,
    /// and otherwise that point became a suspect. Deactivation only removes predecessors. So
    /// every cycle passes through a suspect, and when none closes one there is none, the full
    /// check would find nothing, and the suspects are forgotten.
    fn suspects_closed(&mut self) -> bool {
        if !self.trust_suspects {
            return true;
        }
        let n = self.pred.len();
        // 0 new, 1 on the current walk, 2 done (leads to no cycle)
        let mut state = std::mem::take(&mut self.state);
        let mut walk = std::mem::take(&mut self.walk);
        state.clear();
        state.resize(n, 0);
        let mut closed = false;
        for &s in &self.suspects {
            walk.clear();
            let mut x = s as usize;
            closed = loop {
                if state[x] == 1 {
                    break true;
                }
                if state[x] == 2 {
                    break false;
                }
                state[x] = 1;
                walk.push(x);
                match self.pred[x] {
                    NONE => break false,
                    p => x = p as usize,
                }
            };
            if closed {
                break;
            }
            for &y in &walk {
                state[y] = 2;
            }
        }
        if !closed {
            for &s in &self.suspects {
                self.suspect[s as usize] = false;
            }
            self.suspects.clear();
        }
        self.state = state;
        self.walk = walk;
        closed
    }

    /// A negative cycle of the predecessor graph, if any.
    fn pred_cycle(&mut self, g: &Adjacency) -> Option<Vec<usize>> {
        let n = self.pred.len();
        // 0 new, 1 on the current walk, 2 done
        let mut state = std::mem::take(&mut self.state);
        let mut walk = std::mem::take(&mut self.walk);
        state.clear();
        state.resize(n, 0);
        let mut found = None;
        for s in 0..n {
            if state[s] != 0 {
                continue;
            }
            walk.clear();
            let mut x = s;
            let hit = loop {
                if state[x] == 1 {
                    break Some(x);
                }
                if state[x] == 2 {
                    break None;
                }
                state[x] = 1;
                walk.push(x);
                match self.pred[x] {
                    NONE => break None,
                    p => x = p as usize,
                }
            };
            for &y in &walk {
                state[y] = 2;
            }
            if let Some(x) = hit {
                found = self.cycle_at(g, x);
                if found.is_some() {
                    break;
                }
            }
        }
        self.state = state;
        self.walk = walk;
        found
    }

    /// The predecessor cycle through `x` (known to be on one), if its weight is negative.
    fn cycle_at(&self, g: &Adjacency, x: usize) -> Option<Vec<usize>> {
        let mut cycle = Vec::new();
        let mut total = 0i64;
        let mut y = x;
        loop {
            let (p, c) = match self.pred[y] {
                NONE => return None,
                p => (p as usize, self.pred_constraint[y] as usize),
            };
            cycle.push(c);
            total += g.edges(p).iter().filter(|a| a.to as usize == y && a.constraint as usize == c).map(|a| a.weight).min().unwrap_or(0);
            y = p;
            if y == x {
                break;
            }
            if cycle.len() > self.pred.len() {
                return None;
            }
        }
        if total < 0 {
            cycle.reverse();
            Some(cycle)
        } else {
            None
        }
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

    #[test]
    fn finds_cycle_and_bounds() {
        // 0 origin, 1 a, 2 b. a >= 10 (1->0: -10), b - a <= 5, b >= 20 (2->0: -20)
        let edges = vec![
            Edge { from: 1, to: 0, weight: -10, constraint: 0 },
            Edge { from: 1, to: 2, weight: 5, constraint: 1 },
            Edge { from: 0, to: 1, weight: 30, constraint: 2 },
        ];
        let g = graph(3, &edges);
        let (out, inc) = (Adjacency::new(&g, Direction::Outgoing), Adjacency::new(&g, Direction::Incoming));
        let active = vec![true; 4];
        assert!(CycleSearch::new(3).run(&out, &active).is_none());
        let latest = distances(&out, &active, 0);
        let earliest = distances(&inc, &active, 0);
        assert_eq!(latest[1], Some(30));
        assert_eq!(latest[2], Some(35));
        assert_eq!(earliest[1], Some(-10));
        // a <= 3 contradicts a >= 10
        let mut e2 = edges.clone();
        e2.push(Edge { from: 0, to: 1, weight: 3, constraint: 3 });
        let g2 = Adjacency::new(&graph(3, &e2), Direction::Outgoing);
        let mut active = vec![true; 4];
        let mut search = CycleSearch::new(3);
        let cyc = search.run(&g2, &active).unwrap();
        let mut sorted = cyc.clone();
        sorted.sort();
        assert_eq!(sorted, vec![0, 3]);
        // drop the new bound and resume: consistent again
        search.deactivate(&mut active, 3, 1);
        assert!(search.run(&g2, &active).is_none());
    }

    /// Every cycle the search reports on `edges` (dropping each cycle's first constraint), with
    /// the periodic check skipped when no suspect closes a cycle or always run.
    fn cycles(n: usize, edges: &[Edge], trust_suspects: bool) -> Vec<Vec<usize>> {
        let g = Adjacency::new(&graph(n, edges), Direction::Outgoing);
        let mut active = vec![true; edges.len()];
        let mut search = CycleSearch::new(n);
        search.trust_suspects = trust_suspects;
        let mut found = Vec::new();
        while let Some(cycle) = search.run(&g, &active) {
            let total: i64 = cycle.iter().map(|&c| edges[c].weight).sum();
            assert!(total < 0, "{cycle:?}");
            search.deactivate(&mut active, cycle[0], edges[cycle[0]].to);
            found.push(cycle);
        }
        found
    }

    #[test]
    fn long_cycles_are_found_and_skipped_checks_change_nothing() {
        // one cycle of 40 points, longer than the short check reads
        let ring: Vec<Edge> = (0..40).map(|k| Edge { from: k, to: (k + 1) % 40, weight: if k == 0 { -41 } else { 1 }, constraint: k }).collect();
        let found = cycles(40, &ring, true);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].len(), 40);
        assert_eq!(found, cycles(40, &ring, false));
        // random networks with long chains of predecessors (a path of 0 weight and 1..3 hops,
        // random shortcuts, some negative): the same cycles in the same order whether or not the
        // periodic checks with no suspect closing a cycle are skipped
        let mut seed = 7u64;
        let mut next = |m: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % m
        };
        let mut long = 0;
        for _ in 0..300 {
            let n = 20 + next(180) as usize;
            let mut edges = Vec::new();
            for k in 0..n - 1 {
                edges.push(Edge { from: k, to: k + 1, weight: next(3) as i64, constraint: edges.len() });
            }
            for _ in 0..next(n as u64 / 4 + 1) {
                let (from, to) = (next(n as u64) as usize, next(n as u64) as usize);
                edges.push(Edge { from, to, weight: next(40) as i64 - 30, constraint: edges.len() });
            }
            let with = cycles(n, &edges, true);
            long += with.iter().filter(|c| c.len() > CHAIN).count();
            assert_eq!(with, cycles(n, &edges, false));
        }
        assert!(long > 10, "the networks should have long cycles: {long}");
    }
}
