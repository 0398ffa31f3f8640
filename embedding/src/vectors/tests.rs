use super::*;

fn unit(values: &[f32]) -> Vec<f32> {
    let length = values.iter().map(|v| v * v).sum::<f32>().sqrt();
    values.iter().map(|v| v / length).collect()
}

#[test]
fn nearest_ranks_by_cosine_and_follows_changes() {
    let d = 16;
    let vector = |angle: f32| {
        let mut v = vec![0.0; d];
        v[0] = angle.cos();
        v[1] = angle.sin();
        unit(&v)
    };
    let mut set = VectorSet::new(d);
    for (key, angle) in [(1, 0.0), (2, 0.5), (3, 1.0), (4, 1.5)] {
        set.insert(key, &Packed::new(&vector(angle)));
    }
    let found = set.nearest(&vector(0.9), 2).best;
    assert_eq!(found.iter().map(|(k, _)| *k).collect::<Vec<_>>(), vec![3, 2]);
    assert!((found[0].1 - 0.1f32.cos()).abs() < 0.02, "{found:?}");
    set.remove(3);
    set.insert(2, &Packed::new(&vector(1.6)));
    let found = set.nearest(&vector(0.9), 4);
    assert_eq!(found.best.iter().map(|(k, _)| *k).collect::<Vec<_>>(), vec![4, 2, 1]);
    let mean = found.best.iter().map(|(_, s)| s).sum::<f32>() / 3.0;
    assert!((found.mean - mean).abs() < 1e-4, "{found:?}");
    assert_eq!(set.len(), 3);
    assert!(!set.contains(3));
}

#[test]
fn each_group_of_vectors_is_compared_on_its_own_scale() {
    // Along the first axis as much as `cosine`, the rest on one of the others.
    let d = 8;
    let at = |cosine: f32, other: usize| {
        let mut v = vec![0.0; d];
        v[0] = cosine;
        v[1 + other % (d - 1)] = (1.0 - cosine * cosine).sqrt();
        v
    };
    let query = at(1.0, 0);
    let mut set = VectorSet::new(d);
    // Group 1 lies nearer the query as a whole (as Korean openings do to a Korean query): its
    // best (key 200) is only a little above the rest of its group, while key 100 stands out
    // from group 0's.
    for i in 0..60 {
        let spread = 0.05 * (i % 5) as f32 - 0.1;
        set.insert(i, &Packed::new(&at(spread, i as usize)));
        set.insert(1000 + i, &Packed::new(&at(0.5 + spread, i as usize)));
        set.set_group(1000 + i, 1);
    }
    set.insert(100, &Packed::new(&at(0.45, 3)));
    set.insert(200, &Packed::new(&at(0.62, 4)));
    set.set_group(200, 1);
    let keys = |set: &VectorSet| set.nearest(&query, 3).best.iter().map(|(key, _)| *key).collect::<Vec<_>>();
    assert_eq!(keys(&set)[0], 100, "{:?}", set.nearest(&query, 3));
    // A vector moved by a removal keeps its group.
    set.remove(1000);
    assert_eq!(keys(&set)[0], 100);
    // In one group, the plain cosine decides.
    set.set_group(200, 0);
    for i in 1..60 {
        set.set_group(1000 + i, 0);
    }
    assert_eq!(keys(&set), vec![200, 1004, 1009]);
}

#[test]
fn a_large_set_scanned_in_parts_finds_what_one_scan_finds() {
    let d = 32;
    let mut state = 7u64;
    let mut random = || {
        let v: Vec<f32> = (0..d)
            .map(|_| {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                (state >> 40) as f32 / (1u64 << 24) as f32 - 0.5
            })
            .collect();
        unit(&v)
    };
    let mut set = VectorSet::new(d);
    for key in 0..(SLOTS_PER_TASK as i64 * 3 + 17) {
        set.insert(key, &Packed::new(&random()));
    }
    for _ in 0..5 {
        let query = random();
        let parts = set.nearest_exhaustive(&query, 40);
        let whole = set.scan(&Packed::new(&query), 0, &set.values, 40).into_nearest(40);
        assert_eq!(parts.best, whole.best);
        assert!((parts.mean - whole.mean).abs() < 1e-6);
    }
}

#[test]
fn a_large_set_searched_in_two_passes_finds_the_nearest() {
    // 30,000 vectors around 300 topics; each query is near one topic, whose members
    // are what it should find, best first, as the exact scan ranks them.
    let d = 384;
    let mut state = 11u64;
    let mut noise = |scale: f32| -> Vec<f32> {
        (0..d)
            .map(|_| {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                ((state >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * scale
            })
            .collect()
    };
    let topics: Vec<Vec<f32>> = (0..300).map(|_| unit(&noise(1.0))).collect();
    let mut set = VectorSet::new(d);
    for key in 0..30_000 {
        let topic = &topics[key % 300];
        let v: Vec<f32> = topic.iter().zip(noise(0.12)).map(|(t, n)| t + n).collect();
        set.insert(key as i64, &Packed::new(&unit(&v)));
    }
    assert!(set.len() > EXACT_UP_TO);
    for topic in topics.iter().take(20) {
        let query: Vec<f32> = unit(&topic.iter().zip(noise(0.12)).map(|(t, n)| t + n).collect::<Vec<_>>());
        let two_passes = set.nearest(&query, 40);
        let exact = set.nearest_exhaustive(&query, 40);
        assert_eq!(two_passes.best, exact.best);
        // The sample's estimates of the whole set's similarity.
        assert!((two_passes.mean - exact.mean).abs() < 0.01, "{} against {}", two_passes.mean, exact.mean);
        assert!((two_passes.deviation / exact.deviation - 1.0).abs() < 0.1);
    }
    // The mean follows the set: a third of it removed, the rest is found as before.
    for key in (0..30_000).filter(|key| key % 3 == 0) {
        set.remove(key);
    }
    let query = unit(&topics[1].iter().zip(noise(0.12)).map(|(t, n)| t + n).collect::<Vec<_>>());
    assert_eq!(set.nearest(&query, 40).best, set.nearest_exhaustive(&query, 40).best);
}
