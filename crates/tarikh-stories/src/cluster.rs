//! Average-link agglomerative clustering over a sparse similarity graph.
//!
//! Groups start as single documents. The two groups whose average similarity is highest merge,
//! again and again, while that average is at least the threshold. The average of groups `A` and
//! `B` is the sum of the similarities of their kept edges divided by the number of pairs that
//! could have been kept: `min(|A|,|B|) · min(M, max(|A|,|B|))` with `M` the neighbours a document
//! keeps — `|A|·|B|` (plain average link) for groups up to `M` documents. Candidates wait in a
//! priority queue; a merge updates only the merged group's neighbours (small-to-large), so the
//! whole costs O(E log E) for E edges. Ties go to the lower group index: the result is the same
//! for any thread count and any run.

use crate::Params;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap};

#[derive(Debug, Clone, Copy, PartialEq)]
struct Candidate {
    score: f64,
    a: usize,
    b: usize,
    version_a: u32,
    version_b: u32,
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        // highest score first; then the lowest pair of indices
        self.score.total_cmp(&other.score).then_with(|| other.a.cmp(&self.a)).then_with(|| other.b.cmp(&self.b))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Cluster `n` documents given the edges `(i, j, similarity)`; returns the groups, each sorted,
/// in the order of their first document.
pub fn average_link(n: usize, edges: &[(usize, usize, f64)], params: &Params) -> Vec<Vec<usize>> {
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut alive = vec![true; n];
    let mut version = vec![0u32; n];
    let mut adjacency: Vec<BTreeMap<usize, f64>> = vec![BTreeMap::new(); n];
    for &(i, j, s) in edges {
        if i != j && i < n && j < n {
            *adjacency[i].entry(j).or_default() += s;
            *adjacency[j].entry(i).or_default() += s;
        }
    }
    let m = params.neighbours.max(1) as f64;
    let linkage = |sum: f64, a: usize, b: usize| {
        let (small, large) = (a.min(b) as f64, a.max(b) as f64);
        sum / (small * large.min(m).max(1.0))
    };
    let mut heap = BinaryHeap::new();
    for (a, adj) in adjacency.iter().enumerate() {
        for (&b, &sum) in adj {
            if a < b {
                heap.push(Candidate { score: linkage(sum, 1, 1), a, b, version_a: 0, version_b: 0 });
            }
        }
    }
    while let Some(c) = heap.pop() {
        if !alive[c.a] || !alive[c.b] || version[c.a] != c.version_a || version[c.b] != c.version_b {
            continue;
        }
        if c.score < params.threshold {
            break;
        }
        // keep the group with more neighbours (small-to-large); ties keep the lower index
        let (keep, gone) = if adjacency[c.b].len() > adjacency[c.a].len() { (c.b, c.a) } else { (c.a, c.b) };
        alive[gone] = false;
        let moved = std::mem::take(&mut adjacency[gone]);
        let gone_members = std::mem::take(&mut members[gone]);
        members[keep].extend(gone_members);
        adjacency[keep].remove(&gone);
        for (other, sum) in moved {
            if other == keep {
                continue;
            }
            *adjacency[keep].entry(other).or_default() += sum;
            let from_other = adjacency[other].remove(&gone).unwrap_or(0.0);
            *adjacency[other].entry(keep).or_default() += from_other;
        }
        version[keep] += 1;
        let size_keep = members[keep].len();
        for (&other, &sum) in &adjacency[keep] {
            let (a, b) = (keep.min(other), keep.max(other));
            heap.push(Candidate { score: linkage(sum, size_keep, members[other].len()), a, b, version_a: version[a], version_b: version[b] });
        }
    }
    let mut groups: Vec<Vec<usize>> = members.into_iter().zip(alive).filter(|(_, a)| *a).map(|(mut g, _)| {
        g.sort_unstable();
        g
    }).collect();
    groups.sort_by_key(|g| g[0]);
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(threshold: f64) -> Params {
        Params { threshold, ..Params::default() }
    }

    #[test]
    fn groups_merge_while_their_average_is_high_enough() {
        // 0-1-2 tightly linked, 3-4 linked, a weak bridge 2-3
        let edges = [(0, 1, 0.5), (0, 2, 0.4), (1, 2, 0.6), (3, 4, 0.5), (2, 3, 0.2)];
        assert_eq!(average_link(5, &edges, &params(0.1)), vec![vec![0, 1, 2], vec![3, 4]]);
        // the bridge alone is 0.2, but averaged over the 3×2 pairs it is 0.033
        assert_eq!(average_link(5, &edges, &params(0.03)), vec![vec![0, 1, 2, 3, 4]]);
    }

    #[test]
    fn a_document_without_edges_stays_alone() {
        assert_eq!(average_link(3, &[(0, 1, 0.9)], &params(0.1)), vec![vec![0, 1], vec![2]]);
    }

    #[test]
    fn a_chain_does_not_link_its_ends_as_single_link_would() {
        // 0-1-2-3 each strongly linked to the next only: the ends are far apart
        let edges = [(0, 1, 0.3), (1, 2, 0.3), (2, 3, 0.3)];
        let groups = average_link(4, &edges, &params(0.12));
        assert_eq!(groups, vec![vec![0, 1], vec![2, 3]]);
    }
}
