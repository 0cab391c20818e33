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

/// Incremental negative-cycle search: every point starts at distance 0 (as if a virtual source
/// reached all of them), SPFA relaxes the active edges, and every `n` relaxations the predecessor
/// graph is checked for a cycle (a cycle there is always negative), so a cycle is found after
/// O(n) amortised extra work instead of after n rounds. After the caller deactivates a
/// constraint of the reported cycle, [`CycleSearch::run`] resumes from the current distances.
pub(crate) struct CycleSearch {
    dist: Vec<i64>,
    pred: Vec<Option<(usize, usize)>>,
    inq: Vec<bool>,
    queue: VecDeque<usize>,
    relaxations: usize,
}

impl CycleSearch {
    pub(crate) fn new(n: usize) -> CycleSearch {
        CycleSearch {
            dist: vec![0; n],
            pred: vec![None; n],
            inq: vec![true; n],
            queue: (0..n).collect(),
            relaxations: 0,
        }
    }

    /// Run until the network is consistent (None) or a negative cycle is found (its constraint
    /// indices, in order). `active[c]` tells whether constraint `c` still counts.
    pub(crate) fn run(&mut self, g: &DiGraph<(), (i64, usize)>, active: &[bool]) -> Option<Vec<usize>> {
        let n = g.node_count().max(1);
        while let Some(u) = self.queue.pop_front() {
            self.inq[u] = false;
            for e in g.edges(NodeIndex::new(u)) {
                let (w, c) = *e.weight();
                if !active[c] {
                    continue;
                }
                let v = e.target().index();
                let nd = self.dist[u] + w;
                if nd < self.dist[v] {
                    self.dist[v] = nd;
                    self.pred[v] = Some((u, c));
                    if !self.inq[v] {
                        self.inq[v] = true;
                        self.queue.push_back(v);
                    }
                    self.relaxations += 1;
                    // short cycles (the usual contradiction: two dates and a relation) are seen
                    // at once by walking a few predecessors up from u; long ones by the periodic
                    // full check
                    let found = if self.reaches(u, v, active) {
                        self.cycle_at(g, v)
                    } else if self.relaxations.is_multiple_of(n) {
                        self.pred_cycle(g, active)
                    } else {
                        None
                    };
                    {
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
        }
        // the queue is empty: nothing can be relaxed, so no negative cycle remains
        None
    }

    /// Whether `target` is among the first 16 active predecessors of `from`.
    fn reaches(&self, from: usize, target: usize, active: &[bool]) -> bool {
        let mut x = from;
        for _ in 0..16 {
            if x == target {
                return true;
            }
            match self.pred[x] {
                Some((p, c)) if active[c] => x = p,
                _ => return false,
            }
        }
        false
    }

    /// A negative cycle of the predecessor graph (following only active constraints), if any.
    fn pred_cycle(&self, g: &DiGraph<(), (i64, usize)>, active: &[bool]) -> Option<Vec<usize>> {
        let n = self.pred.len();
        let mut state = vec![0u8; n]; // 0 new, 1 on the current walk, 2 done
        let mut walk = Vec::new();
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
                    Some((p, c)) if active[c] => x = p,
                    _ => break None,
                }
            };
            for &y in &walk {
                state[y] = 2;
            }
            if let Some(x) = hit {
                if let Some(cycle) = self.cycle_at(g, x) {
                    return Some(cycle);
                }
            }
        }
        None
    }

    /// The predecessor cycle through `x` (known to be on one), if its weight is negative.
    fn cycle_at(&self, g: &DiGraph<(), (i64, usize)>, x: usize) -> Option<Vec<usize>> {
        let mut cycle = Vec::new();
        let mut total = 0i64;
        let mut y = x;
        loop {
            let (p, c) = self.pred[y]?;
            cycle.push(c);
            total += g
                .edges_connecting(NodeIndex::new(p), NodeIndex::new(y))
                .filter(|e| e.weight().1 == c)
                .map(|e| e.weight().0)
                .min()
                .unwrap_or(0);
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

/// Shortest distances from `source` along the edges (`Outgoing`) or against them (`Incoming`).
/// Must only be called on a graph without negative cycles. `None` = unreachable (unbounded).
pub(crate) fn distances(g: &DiGraph<(), (i64, usize)>, active: &[bool], source: usize, dir: Direction) -> Vec<Option<i64>> {
    let n = g.node_count();
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
        for e in g.edges_directed(NodeIndex::new(u), dir) {
            let v = match dir {
                Direction::Outgoing => e.target().index(),
                Direction::Incoming => e.source().index(),
            };
            if !active[e.weight().1] {
                continue;
            }
            let nd = du + e.weight().0;
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
        let active = vec![true; 4];
        assert!(CycleSearch::new(3).run(&g, &active).is_none());
        let latest = distances(&g, &active, 0, Direction::Outgoing);
        let earliest = distances(&g, &active, 0, Direction::Incoming);
        assert_eq!(latest[1], Some(30));
        assert_eq!(latest[2], Some(35));
        assert_eq!(earliest[1], Some(-10));
        // a <= 3 contradicts a >= 10
        let mut e2 = edges.clone();
        e2.push(Edge { from: 0, to: 1, weight: 3, constraint: 3 });
        let g2 = graph(3, &e2);
        let mut active = vec![true; 4];
        let mut search = CycleSearch::new(3);
        let cyc = search.run(&g2, &active).unwrap();
        let mut sorted = cyc.clone();
        sorted.sort();
        assert_eq!(sorted, vec![0, 3]);
        // drop the new bound and resume: consistent again
        active[3] = false;
        assert!(search.run(&g2, &active).is_none());
    }
}
