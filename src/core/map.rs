//! Ordered maps and sets kept as one sorted vector.
//!
//! The core's maps are small: a questionnaire's 80 answers, 19 domains, a
//! language's words, a file's evidence. `std`'s B-tree compiles its insertion,
//! removal, rebalancing, cloning and dropping again for every key and value
//! type, about 5 KB each in the widget's WebAssembly; a sorted vector needs a
//! binary search and a move. [`Map`] and [`Set`] keep the B-tree's meaning
//! (entries in key order, one entry per key, a later insertion replacing an
//! earlier one) and the part of its interface the core uses.

use std::borrow::Borrow;
use std::fmt;

/// A map ordered by key (like `BTreeMap`), stored as a vector sorted by key.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Map<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for Map<K, V> {
    fn default() -> Self {
        Map::new()
    }
}

impl<K, V> Map<K, V> {
    /// An empty map.
    pub const fn new() -> Self {
        Map { entries: Vec::new() }
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the map has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// The entries in key order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        Iter { inner: self.entries.iter() }
    }

    /// The entries in key order, values mutable.
    pub fn iter_mut(&mut self) -> IterMut<'_, K, V> {
        IterMut { inner: self.entries.iter_mut() }
    }

    /// The keys in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator + Clone {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The values in key order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator + Clone {
        self.entries.iter().map(|(_, v)| v)
    }

    /// The values in key order, mutable.
    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> + ExactSizeIterator {
        self.entries.iter_mut().map(|(_, v)| v)
    }

    /// The values in key order, taken out of the map.
    pub fn into_values(self) -> impl DoubleEndedIterator<Item = V> + ExactSizeIterator {
        self.entries.into_iter().map(|(_, v)| v)
    }

    /// The entry with the smallest key.
    pub fn first_key_value(&self) -> Option<(&K, &V)> {
        self.entries.first().map(|(k, v)| (k, v))
    }

    /// The entry with the largest key.
    pub fn last_key_value(&self) -> Option<(&K, &V)> {
        self.entries.last().map(|(k, v)| (k, v))
    }

    /// Keeps the entries for which `keep` is true, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }
}

impl<K: Ord, V> Map<K, V> {
    /// Where `key` is (`Ok`) or would go (`Err`).
    fn find<Q>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    /// The value for `key`.
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.find(key).ok().map(|at| &self.entries[at].1)
    }

    /// The value for `key`, mutable.
    pub fn get_mut<Q>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        match self.find(key) {
            Ok(at) => Some(&mut self.entries[at].1),
            Err(_) => None,
        }
    }

    /// Whether the map has an entry for `key`.
    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.find(key).is_ok()
    }

    /// Sets the value for `key`, returning the one it replaces (the stored key stays, as in `BTreeMap`).
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(at) => Some(std::mem::replace(&mut self.entries[at].1, value)),
            Err(at) => {
                self.entries.insert(at, (key, value));
                None
            }
        }
    }

    /// Removes the entry for `key`, returning its value.
    pub fn remove<Q>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.find(key).ok().map(|at| self.entries.remove(at).1)
    }

    /// The place for `key`, to read or fill in.
    pub fn entry(&mut self, key: K) -> Entry<'_, K, V> {
        match self.find(&key) {
            Ok(at) => Entry::Occupied(OccupiedEntry { map: self, at }),
            Err(at) => Entry::Vacant(VacantEntry { map: self, at, key }),
        }
    }

    /// A map from entries in any order; a later entry replaces an earlier one with the same key.
    fn from_entries(mut entries: Vec<(K, V)>) -> Self {
        super::order::sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
        // Of a run of equal keys, the last one entered wins: keep it in the first one's place.
        let mut kept: Vec<(K, V)> = Vec::with_capacity(entries.len());
        for entry in entries {
            match kept.last_mut() {
                Some(last) if last.0 == entry.0 => last.1 = entry.1,
                _ => kept.push(entry),
            }
        }
        Map { entries: kept }
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for Map<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(entries: I) -> Self {
        Map::from_entries(entries.into_iter().collect())
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for Map<K, V> {
    fn from(entries: [(K, V); N]) -> Self {
        Map::from_entries(Vec::from(entries))
    }
}

impl<K: Ord, V> Extend<(K, V)> for Map<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, entries: I) {
        for (k, v) in entries {
            self.insert(k, v);
        }
    }
}

impl<K, V> IntoIterator for Map<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a Map<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a, K, V> IntoIterator for &'a mut Map<K, V> {
    type Item = (&'a K, &'a mut V);
    type IntoIter = IterMut<'a, K, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

impl<K, Q, V> std::ops::Index<&Q> for Map<K, V>
where
    K: Ord + Borrow<Q>,
    Q: Ord + ?Sized,
{
    type Output = V;
    fn index(&self, key: &Q) -> &V {
        match self.get(key) {
            Some(value) => value,
            None => panic!("no entry for the key in the map"),
        }
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for Map<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// The entries of a [`Map`] in key order.
#[derive(Clone)]
pub struct Iter<'a, K, V> {
    inner: std::slice::Iter<'a, (K, V)>,
}

impl<'a, K, V> Iterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);
    fn next(&mut self) -> Option<Self::Item> {
        self.inner.next().map(|(k, v)| (k, v))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<K, V> DoubleEndedIterator for Iter<'_, K, V> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.inner.next_back().map(|(k, v)| (k, v))
    }
}

impl<K, V> ExactSizeIterator for Iter<'_, K, V> {}

/// The entries of a [`Map`] in key order, values mutable.
pub struct IterMut<'a, K, V> {
    inner: std::slice::IterMut<'a, (K, V)>,
}

impl<'a, K, V> Iterator for IterMut<'a, K, V> {
    type Item = (&'a K, &'a mut V);
    fn next(&mut self) -> Option<Self::Item> {
        self.inner.next().map(|(k, v)| (&*k, v))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<K, V> DoubleEndedIterator for IterMut<'_, K, V> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.inner.next_back().map(|(k, v)| (&*k, v))
    }
}

impl<K, V> ExactSizeIterator for IterMut<'_, K, V> {}

/// A key's place in a [`Map`]: filled or not.
pub enum Entry<'a, K, V> {
    Occupied(OccupiedEntry<'a, K, V>),
    Vacant(VacantEntry<'a, K, V>),
}

/// A key's place that holds a value.
pub struct OccupiedEntry<'a, K, V> {
    map: &'a mut Map<K, V>,
    at: usize,
}

/// A key's place that holds nothing yet.
pub struct VacantEntry<'a, K, V> {
    map: &'a mut Map<K, V>,
    at: usize,
    key: K,
}

impl<'a, K, V> OccupiedEntry<'a, K, V> {
    /// The value held, mutable for as long as the map is lent.
    pub fn into_mut(self) -> &'a mut V {
        &mut self.map.entries[self.at].1
    }
}

impl<'a, K, V> VacantEntry<'a, K, V> {
    /// Fills the place with `value`.
    pub fn insert(self, value: V) -> &'a mut V {
        self.map.entries.insert(self.at, (self.key, value));
        &mut self.map.entries[self.at].1
    }
}

impl<'a, K, V> Entry<'a, K, V> {
    /// The value held, or `value` put in.
    pub fn or_insert(self, value: V) -> &'a mut V {
        match self {
            Entry::Occupied(entry) => entry.into_mut(),
            Entry::Vacant(entry) => entry.insert(value),
        }
    }

    /// The value held, or the value `make` returns put in.
    pub fn or_insert_with(self, make: impl FnOnce() -> V) -> &'a mut V {
        match self {
            Entry::Occupied(entry) => entry.into_mut(),
            Entry::Vacant(entry) => entry.insert(make()),
        }
    }

    /// The value held, or the default put in.
    pub fn or_default(self) -> &'a mut V
    where
        V: Default,
    {
        self.or_insert_with(V::default)
    }
}

/// A set ordered by value (like `BTreeSet`), stored as a sorted vector.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Set<T> {
    items: Vec<T>,
}

impl<T> Default for Set<T> {
    fn default() -> Self {
        Set::new()
    }
}

impl<T> Set<T> {
    /// An empty set.
    pub const fn new() -> Self {
        Set { items: Vec::new() }
    }

    /// The number of items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the set has no items.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The items in order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    /// The smallest item.
    pub fn first(&self) -> Option<&T> {
        self.items.first()
    }

    /// The largest item.
    pub fn last(&self) -> Option<&T> {
        self.items.last()
    }

    /// Keeps the items for which `keep` is true.
    pub fn retain(&mut self, keep: impl FnMut(&T) -> bool) {
        self.items.retain(keep);
    }
}

impl<T: Ord> Set<T> {
    fn find<Q>(&self, item: &Q) -> Result<usize, usize>
    where
        T: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.items.binary_search_by(|t| t.borrow().cmp(item))
    }

    /// Whether the set holds `item`.
    pub fn contains<Q>(&self, item: &Q) -> bool
    where
        T: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.find(item).is_ok()
    }

    /// Adds `item`; false if the set held it already (and keeps the one it held).
    pub fn insert(&mut self, item: T) -> bool {
        match self.find(&item) {
            Ok(_) => false,
            Err(at) => {
                self.items.insert(at, item);
                true
            }
        }
    }

    /// Removes `item`; false if the set did not hold it.
    pub fn remove<Q>(&mut self, item: &Q) -> bool
    where
        T: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        match self.find(item) {
            Ok(at) => {
                self.items.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    /// The items of this set that `other` does not hold, in order.
    pub fn difference<'a>(&'a self, other: &'a Set<T>) -> impl Iterator<Item = &'a T> + 'a {
        self.items.iter().filter(move |item| !other.contains(*item))
    }

    /// The items this set and `other` both hold, in order.
    pub fn intersection<'a>(&'a self, other: &'a Set<T>) -> impl Iterator<Item = &'a T> + 'a {
        self.items.iter().filter(move |item| other.contains(*item))
    }

    /// Whether `other` holds every item of this set.
    pub fn is_subset(&self, other: &Set<T>) -> bool {
        self.items.iter().all(|item| other.contains(item))
    }
}

impl<T: Ord> FromIterator<T> for Set<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut items: Vec<T> = items.into_iter().collect();
        super::order::sort_by(&mut items, T::cmp);
        // Of equal items the first one stays, as when inserting one at a time.
        items.dedup_by(|later, earlier| later == earlier);
        Set { items }
    }
}

impl<T: Ord, const N: usize> From<[T; N]> for Set<T> {
    fn from(items: [T; N]) -> Self {
        items.into_iter().collect()
    }
}

impl<T: Ord> Extend<T> for Set<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        for item in items {
            self.insert(item);
        }
    }
}

impl<T> IntoIterator for Set<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a Set<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<T: fmt::Debug> fmt::Debug for Set<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl<K: schemars::JsonSchema, V: schemars::JsonSchema> schemars::JsonSchema for Map<K, V> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <std::collections::BTreeMap<K, V> as schemars::JsonSchema>::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <std::collections::BTreeMap<K, V> as schemars::JsonSchema>::json_schema(generator)
    }
    fn inline_schema() -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::{Map, Set};
    use std::collections::{BTreeMap, BTreeSet};

    /// A small deterministic generator (xorshift), so the cases are the same on every run.
    fn numbers(seed: u64, count: usize, below: u64) -> Vec<u64> {
        let mut state = seed | 1;
        (0..count)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state % below
            })
            .collect()
    }

    #[test]
    fn a_map_behaves_as_the_standard_b_tree_under_the_same_operations() {
        for seed in 1..40 {
            let ops = numbers(seed, 400, 1_000);
            let mut ours: Map<u64, u64> = Map::new();
            let mut theirs: BTreeMap<u64, u64> = BTreeMap::new();
            for (step, op) in ops.iter().enumerate() {
                let key = op % 37;
                match op % 5 {
                    0 | 1 => assert_eq!(ours.insert(key, step as u64), theirs.insert(key, step as u64)),
                    2 => assert_eq!(ours.remove(&key), theirs.remove(&key)),
                    3 => *ours.entry(key).or_insert(7) += 1,
                    _ => assert_eq!(ours.get(&key), theirs.get(&key)),
                }
                if op % 5 == 3 {
                    *theirs.entry(key).or_insert(7) += 1;
                }
                assert_eq!(ours.len(), theirs.len());
            }
            let ours_entries: Vec<_> = ours.iter().map(|(k, v)| (*k, *v)).collect();
            let theirs_entries: Vec<_> = theirs.iter().map(|(k, v)| (*k, *v)).collect();
            assert_eq!(ours_entries, theirs_entries, "seed {seed}");
            assert_eq!(ours.first_key_value(), theirs.first_key_value());
            assert_eq!(ours.last_key_value(), theirs.last_key_value());
            ours.retain(|k, _| k % 2 == 0);
            theirs.retain(|k, _| k % 2 == 0);
            assert!(ours.iter().map(|(k, v)| (*k, *v)).eq(theirs.iter().map(|(k, v)| (*k, *v))));
        }
    }

    #[test]
    fn collecting_a_map_keeps_the_last_of_equal_keys_as_the_b_tree_does() {
        for seed in 1..40 {
            let entries: Vec<(u64, usize)> =
                numbers(seed, 300, 50).into_iter().enumerate().map(|(n, k)| (k, n)).collect();
            let ours: Map<u64, usize> = entries.iter().copied().collect();
            let theirs: BTreeMap<u64, usize> = entries.iter().copied().collect();
            assert!(ours.iter().map(|(k, v)| (*k, *v)).eq(theirs.into_iter()), "seed {seed}");
            let mut extended = Map::new();
            extended.extend(entries.iter().copied());
            assert_eq!(extended, ours);
        }
        let from_array = Map::from([("b", 1), ("a", 2), ("b", 3)]);
        assert_eq!(from_array.iter().collect::<Vec<_>>(), vec![(&"a", &2), (&"b", &3)]);
    }

    #[test]
    fn a_map_finds_string_keys_by_str() {
        let mut map: Map<String, u8> = Map::new();
        map.insert("zeta".into(), 1);
        map.insert("alpha".into(), 2);
        assert_eq!(map.get("alpha"), Some(&2));
        assert_eq!(map["zeta"], 1);
        assert!(!map.contains_key("beta"));
        assert_eq!(map.keys().map(String::as_str).collect::<Vec<_>>(), ["alpha", "zeta"]);
        *map.get_mut("zeta").unwrap() = 9;
        assert_eq!(map.remove("zeta"), Some(9));
        assert_eq!(format!("{map:?}"), r#"{"alpha": 2}"#);
    }

    #[test]
    fn a_set_behaves_as_the_standard_b_tree_set() {
        for seed in 1..40 {
            let items = numbers(seed, 200, 60);
            let ours: Set<u64> = items.iter().copied().collect();
            let theirs: BTreeSet<u64> = items.iter().copied().collect();
            assert!(ours.iter().eq(theirs.iter()), "seed {seed}");
            let mut inserted = Set::new();
            let mut inserted_theirs = BTreeSet::new();
            for (n, item) in items.iter().enumerate() {
                if n % 4 == 3 {
                    assert_eq!(inserted.remove(item), inserted_theirs.remove(item));
                } else {
                    assert_eq!(inserted.insert(*item), inserted_theirs.insert(*item));
                }
            }
            assert!(inserted.iter().eq(inserted_theirs.iter()));
            let other: Set<u64> = numbers(seed + 100, 50, 60).into_iter().collect();
            let other_theirs: BTreeSet<u64> = other.iter().copied().collect();
            assert!(ours.difference(&other).eq(theirs.difference(&other_theirs)));
            assert!(ours.intersection(&other).eq(theirs.intersection(&other_theirs)));
            assert_eq!(ours.is_subset(&other), theirs.is_subset(&other_theirs));
            assert_eq!(ours.first(), theirs.first());
        }
    }
}
