//! Random instances: small ones for the property tests, large ones shaped like a real
//! programme for the benchmark. A seeded generator, so that a failing case can be replayed.

use crate::{ApplicantEntry, Id, Instance, OpeningEntry};

/// SplitMix64: small, fast and good enough for test data.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for n in (1..items.len()).rev() {
            items.swap(n, self.below(n + 1));
        }
    }
}

/// Up to `applicants` applicants and `openings` openings (at least one of each), capacities up
/// to `max_capacity` (zero included), each side ranking a random part of the other in random
/// order.
pub fn small(rng: &mut Rng, applicants: usize, openings: usize, max_capacity: usize) -> Instance {
    let applicant_count = 1 + rng.below(applicants);
    let opening_count = 1 + rng.below(openings);
    let applicant_ids: Vec<Id> = (0..applicant_count).map(|n| Id::Text(format!("a{n}"))).collect();
    let opening_ids: Vec<Id> = (0..opening_count).map(|n| Id::Int(n as i64)).collect();
    let ranking = |rng: &mut Rng, ids: &[Id]| {
        let mut ranked: Vec<Id> = ids.iter().filter(|_| rng.below(4) != 0).cloned().collect();
        rng.shuffle(&mut ranked);
        ranked
    };
    Instance {
        applicants: applicant_ids
            .iter()
            .map(|id| ApplicantEntry { id: id.clone(), ranking: ranking(rng, &opening_ids) })
            .collect(),
        openings: opening_ids
            .iter()
            .map(|id| OpeningEntry {
                id: id.clone(),
                capacity: rng.below(max_capacity + 1) as i64,
                ranking: ranking(rng, &applicant_ids),
            })
            .collect(),
    }
}

/// Like [`small`], but with opposed tastes, where several stable matchings exist: applicant
/// `i` starts their ranking at opening `i`, opening `j` starts at applicant `j + 1`, both going
/// round, half the lists cut short and a few neighbours swapped; every opening has a place.
pub fn opposed(rng: &mut Rng, applicants: usize, openings: usize, max_capacity: usize) -> Instance {
    let applicant_count = 1 + rng.below(applicants);
    // As many openings as applicants half the time: the cycles then close.
    let opening_count = if rng.below(2) == 0 { applicant_count.min(openings) } else { 1 + rng.below(openings) };
    let ranking = |rng: &mut Rng, first: usize, ids: &[Id]| {
        let mut ranked: Vec<Id> = (0..ids.len()).map(|n| ids[(first + n) % ids.len()].clone()).collect();
        if rng.below(2) == 0 {
            ranked.truncate(1 + rng.below(ids.len()));
        }
        for n in 1..ranked.len() {
            if rng.below(8) == 0 {
                ranked.swap(n - 1, n);
            }
        }
        ranked
    };
    let applicant_ids: Vec<Id> = (0..applicant_count).map(|n| Id::Text(format!("a{n}"))).collect();
    let opening_ids: Vec<Id> = (0..opening_count).map(|n| Id::Int(n as i64)).collect();
    Instance {
        applicants: (0..applicant_count)
            .map(|n| ApplicantEntry { id: applicant_ids[n].clone(), ranking: ranking(rng, n, &opening_ids) })
            .collect(),
        openings: (0..opening_count)
            .map(|n| OpeningEntry {
                id: opening_ids[n].clone(),
                capacity: 1 + rng.below(max_capacity) as i64,
                ranking: ranking(rng, n + 1, &applicant_ids),
            })
            .collect(),
    }
}

/// `applicants` researchers each ranking `choices` openings (popular openings chosen more
/// often), `openings` openings with 1 to 5 places each ranking those who ranked it by a
/// shared notion of merit plus their own taste, and leaving about one in ten out.
pub fn large(seed: u64, applicants: usize, openings: usize, choices: usize) -> Instance {
    let mut rng = Rng::new(seed);
    let choices = choices.min(openings);
    let merit: Vec<f64> = (0..applicants).map(|_| rng.unit()).collect();
    let mut applied: Vec<Vec<u32>> = vec![Vec::new(); openings];
    let mut instance = Instance::default();
    for applicant in 0..applicants {
        let mut ranking: Vec<u32> = Vec::with_capacity(choices);
        while ranking.len() < choices {
            // Squaring skews the choice towards the first openings: some are popular.
            let opening = ((rng.unit() * rng.unit()) * openings as f64) as u32;
            if !ranking.contains(&opening) {
                ranking.push(opening);
            }
        }
        for &opening in &ranking {
            applied[opening as usize].push(applicant as u32);
        }
        instance.applicants.push(ApplicantEntry {
            id: Id::Text(format!("r{applicant}")),
            ranking: ranking.iter().map(|&o| Id::Text(format!("p{o}"))).collect(),
        });
    }
    for (opening, applicants) in applied.into_iter().enumerate() {
        let mut scored: Vec<(f64, u32)> = Vec::with_capacity(applicants.len());
        for applicant in applicants {
            if rng.below(10) != 0 {
                scored.push((merit[applicant as usize] + 0.3 * rng.unit(), applicant));
            }
        }
        scored.sort_by(|x, y| y.0.total_cmp(&x.0));
        instance.openings.push(OpeningEntry {
            id: Id::Text(format!("p{opening}")),
            capacity: 1 + rng.below(5) as i64,
            ranking: scored.into_iter().map(|(_, a)| Id::Text(format!("r{a}"))).collect(),
        });
    }
    instance
}
