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

/// Look for a negative cycle anywhere in the graph (every point starts at distance 0, as if a
/// virtual source reached all of them). Returns the constraint indices along one cycle, in order.
pub(crate) fn negative_cycle(g: &DiGraph<(), (i64, usize)>) -> Option<Vec<usize>> {
    let n = g.node_count();
    let mut dist = vec![0i64; n];
    let mut len = vec![0usize; n];
    let mut pred: Vec<Option<(usize, usize)>> = vec![None; n];
    let mut inq = vec![true; n];
    let mut queue: VecDeque<usize> = (0..n).collect();
    while let Some(u) = queue.pop_front() {
        inq[u] = false;
        for e in g.edges(NodeIndex::new(u)) {
            let v = e.target().index();
            let (w, c) = *e.weight();
            let nd = dist[u] + w;
            if nd < dist[v] {
                dist[v] = nd;
                pred[v] = Some((u, c));
                len[v] = len[u] + 1;
                if len[v] >= n {
                    if let Some(cycle) = cycle_through(&pred, v) {
                        return Some(cycle);
                    }
                }
                if !inq[v] {
                    inq[v] = true;
                    queue.push_back(v);
                }
            }
        }
    }
    None
}

/// Follow predecessors from `v` until a point repeats; the repeated stretch is the cycle.
fn cycle_through(pred: &[Option<(usize, usize)>], v: usize) -> Option<Vec<usize>> {
    let mut seen = vec![usize::MAX; pred.len()];
    let mut order: Vec<(usize, usize)> = Vec::new();
    let mut x = v;
    loop {
        if seen[x] != usize::MAX {
            let from = seen[x];
            let mut cycle: Vec<usize> = order[from..].iter().map(|&(_, c)| c).collect();
            cycle.reverse();
            return Some(cycle);
        }
        seen[x] = order.len();
        let (p, c) = pred[x]?;
        order.push((x, c));
        x = p;
    }
}

/// Shortest distances from `source` along the edges (`Outgoing`) or against them (`Incoming`).
/// Must only be called on a graph without negative cycles. `None` = unreachable (unbounded).
pub(crate) fn distances(g: &DiGraph<(), (i64, usize)>, source: usize, dir: Direction) -> Vec<Option<i64>> {
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
            let nd = du + e.weight().0;
            if dist[v].map_or(true, |d| nd < d) {
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
        assert!(negative_cycle(&g).is_none());
        let latest = distances(&g, 0, Direction::Outgoing);
        let earliest = distances(&g, 0, Direction::Incoming);
        assert_eq!(latest[1], Some(30));
        assert_eq!(latest[2], Some(35));
        assert_eq!(earliest[1], Some(-10));
        // a <= 3 contradicts a >= 10
        let mut e2 = edges.clone();
        e2.push(Edge { from: 0, to: 1, weight: 3, constraint: 3 });
        let cyc = negative_cycle(&graph(3, &e2)).unwrap();
        let mut sorted = cyc.clone();
        sorted.sort();
        assert_eq!(sorted, vec![0, 3]);
    }
}
