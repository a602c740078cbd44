//! One stable sort for the whole core. The standard library's sorts are
//! generic over the comparison, so each call site compiled its own copy of
//! about 3.7 KB into the widget (13 of them: 48 KB before compression). This
//! one orders indices with a single merge sort, shared by every call, and then
//! moves the items into place, which is all that is compiled per element type.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order (like `slice::sort_by`).
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let items = &*items;
        stable_order(items.len(), &mut |a, b| compare(&items[a], &items[b]) != Ordering::Greater)
    };
    permute(items, order);
}

/// Sorts `items` in ascending order, keeping equal items in their order (like `slice::sort`).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts `items` by a key, keeping items with equal keys in their order (like `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The set of `items`, built by inserting one at a time: for the few items of a
/// core set, that compiles less than collecting, which sorts first.
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> super::map::Set<T> {
    let mut set = super::map::Set::new();
    set.extend(items);
    set
}

/// The map of `entries`, built by inserting one at a time (a later entry replaces
/// an earlier one with the same key, as when collecting), for the reason given at [`set`].
pub fn map<K: Ord, V>(entries: impl IntoIterator<Item = (K, V)>) -> super::map::Map<K, V> {
    let mut map = super::map::Map::new();
    map.extend(entries);
    map
}

/// The positions `0..len` in sorted order: a bottom-up merge sort that takes from the left run
/// while `in_order(left, right)`, so equal items keep their order.
fn stable_order(len: usize, in_order: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut from: Vec<usize> = (0..len).collect();
    let mut to = vec![0; len];
    let mut width = 1;
    while width < len {
        let mut low = 0;
        while low < len {
            let middle = (low + width).min(len);
            let high = (low + 2 * width).min(len);
            let (mut left, mut right) = (low, middle);
            for slot in &mut to[low..high] {
                let take_left = right == high || (left < middle && in_order(from[left], from[right]));
                if take_left {
                    *slot = from[left];
                    left += 1;
                } else {
                    *slot = from[right];
                    right += 1;
                }
            }
            low = high;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Puts `items[order[k]]` at position `k` for every `k`, in place, one cycle of the permutation at a time.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        if order[start] == DONE || order[start] == start {
            continue;
        }
        let mut k = start;
        loop {
            let source = order[k];
            order[k] = DONE;
            if source == start {
                break;
            }
            items.swap(k, source);
            k = source;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so that a failure can be replayed.
    fn numbers(seed: u64, len: usize, range: u64) -> Vec<u64> {
        let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (0..len)
            .map(|_| {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (state >> 33) % range
            })
            .collect()
    }

    #[test]
    fn orders_like_the_standard_stable_sort_including_ties() {
        for seed in 0..300 {
            let len = (seed as usize * 7) % 130;
            // (key, original position): a tie on the key must keep the positions ascending.
            let keys = numbers(seed, len, 1 + seed % 9);
            let mut mine: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
            let mut expected = mine.clone();
            sort_by_key(&mut mine, |&(k, _)| k);
            expected.sort_by_key(|&(k, _)| k);
            assert_eq!(mine, expected, "seed {seed}, len {len}");
        }
    }

    #[test]
    fn sorts_descending_already_sorted_and_tiny_lists() {
        let mut down: Vec<u32> = (0..1000).rev().collect();
        sort(&mut down);
        assert_eq!(down, (0..1000).collect::<Vec<_>>());
        let mut up: Vec<u32> = (0..1000).collect();
        sort_by(&mut up, |a, b| b.cmp(a));
        assert_eq!(up, (0..1000).rev().collect::<Vec<_>>());
        for mut tiny in [vec![], vec![5], vec![2, 1], vec![1, 2]] {
            let mut expected = tiny.clone();
            expected.sort();
            sort(&mut tiny);
            assert_eq!(tiny, expected);
        }
    }

    #[test]
    fn sets_and_maps_hold_what_collecting_gives_with_the_last_entry_for_a_repeated_key() {
        for seed in 0..50 {
            let keys = numbers(seed, 60, 1 + seed % 20);
            let expected: std::collections::BTreeSet<u64> = keys.iter().copied().collect();
            assert!(set(keys.iter().copied()).iter().eq(expected.iter()), "seed {seed}");
            let entries: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
            let expected: std::collections::BTreeMap<u64, usize> = entries.iter().copied().collect();
            assert!(map(entries).iter().eq(expected.iter()), "seed {seed}");
        }
    }

    #[test]
    fn moves_items_that_are_not_copied_or_cloned() {
        let mut words: Vec<String> = ["pear", "fig", "apple", "fig", "kiwi"].map(String::from).to_vec();
        sort(&mut words);
        assert_eq!(words, ["apple", "fig", "fig", "kiwi", "pear"]);
    }
}
