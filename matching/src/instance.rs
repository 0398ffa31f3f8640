//! A round's instance as JSON, and the checked, indexed [`Market`] the solver works on.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasherDefault, Hasher};

use serde::{Deserialize, Serialize};

use crate::Id;

/// `{"applicants": [{"id", "ranking"}], "openings": [{"id", "capacity", "ranking"}]}`, rankings
/// best first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Instance {
    pub applicants: Vec<ApplicantEntry>,
    pub openings: Vec<OpeningEntry>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicantEntry {
    pub id: Id,
    /// Opening ids, best first.
    pub ranking: Vec<Id>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpeningEntry {
    pub id: Id,
    /// Signed so that a negative number is refused by name rather than as a type error.
    pub capacity: i64,
    /// Applicant ids, best first.
    pub ranking: Vec<Id>,
}

/// Why an instance cannot be solved: the first problem found, naming it.
#[derive(Debug, thiserror::Error)]
pub enum InstanceError {
    #[error("not a valid instance: {0}")]
    Json(#[from] serde_json::Error),
    #[error("applicant {0} is listed twice")]
    DuplicateApplicant(Id),
    #[error("opening {0} is listed twice")]
    DuplicateOpening(Id),
    #[error("opening {opening} has a negative capacity ({capacity})")]
    NegativeCapacity { opening: Id, capacity: i64 },
    #[error("opening {opening} has a capacity too large to be real ({capacity})")]
    CapacityTooLarge { opening: Id, capacity: i64 },
    #[error("applicant {applicant} ranks opening {opening}, which is not in the instance")]
    UnknownOpening { applicant: Id, opening: Id },
    #[error("opening {opening} ranks applicant {applicant}, who is not in the instance")]
    UnknownApplicant { opening: Id, applicant: Id },
    #[error("applicant {applicant} ranks opening {opening} twice (rankings have no ties)")]
    OpeningRankedTwice { applicant: Id, opening: Id },
    #[error("opening {opening} ranks applicant {applicant} twice (rankings have no ties)")]
    ApplicantRankedTwice { opening: Id, applicant: Id },
}

impl Instance {
    pub fn from_json(text: &str) -> Result<Instance, InstanceError> {
        Ok(serde_json::from_str(text)?)
    }

    /// Checks the instance and indexes it for the solver.
    pub fn market(&self) -> Result<Market, InstanceError> {
        let applicant_index = index_of(self.applicants.iter().map(|a| &a.id), InstanceError::DuplicateApplicant)?;
        let opening_index = index_of(self.openings.iter().map(|o| &o.id), InstanceError::DuplicateOpening)?;
        let mut capacity = Vec::with_capacity(self.openings.len());
        for opening in &self.openings {
            let places = u32::try_from(opening.capacity).map_err(|_| {
                let (opening, capacity) = (opening.id.clone(), opening.capacity);
                if capacity < 0 {
                    InstanceError::NegativeCapacity { opening, capacity }
                } else {
                    InstanceError::CapacityTooLarge { opening, capacity }
                }
            })?;
            capacity.push(places);
        }
        let applicant_lists = Lists::build(
            self.applicants.iter().map(|a| (&a.id, &a.ranking)),
            &opening_index,
            |applicant, opening| InstanceError::UnknownOpening { applicant, opening },
            |applicant, opening| InstanceError::OpeningRankedTwice { applicant, opening },
        )?;
        let opening_lists = Lists::build(
            self.openings.iter().map(|o| (&o.id, &o.ranking)),
            &applicant_index,
            |opening, applicant| InstanceError::UnknownApplicant { opening, applicant },
            |opening, applicant| InstanceError::ApplicantRankedTwice { opening, applicant },
        )?;
        Ok(Market {
            applicants: self.applicants.iter().map(|a| a.id.clone()).collect(),
            openings: self.openings.iter().map(|o| o.id.clone()).collect(),
            capacity,
            applicant_lists,
            opening_lists,
        })
    }
}

/// Ids to indices. A large instance looks up a million ids; the ids are not chosen by an
/// adversary who could gain from collisions, so a fast multiplicative hash (FxHash's) serves.
pub(crate) type IdIndex<'a> = HashMap<&'a Id, u32, BuildHasherDefault<FastHasher>>;

#[derive(Default)]
pub(crate) struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &byte in chunks.remainder() {
            self.add(u64::from(byte));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

fn index_of<'a>(
    ids: impl Iterator<Item = &'a Id>,
    duplicate: impl Fn(Id) -> InstanceError,
) -> Result<IdIndex<'a>, InstanceError> {
    let mut index = IdIndex::default();
    for (n, id) in ids.enumerate() {
        match index.entry(id) {
            Entry::Occupied(_) => return Err(duplicate(id.clone())),
            Entry::Vacant(slot) => {
                slot.insert(n as u32);
            }
        }
    }
    Ok(index)
}

/// Every ranking of one side, as indices into the other side, in one flat vector.
#[derive(Clone, Debug)]
pub(crate) struct Lists {
    start: Vec<u32>,
    ranked: Vec<u32>,
    /// Per list, `(ranked, position)` sorted by `ranked`: "where does this list rank that one?"
    by_member: Vec<(u32, u32)>,
}

impl Lists {
    fn build<'a>(
        rankings: impl Iterator<Item = (&'a Id, &'a Vec<Id>)>,
        other_side: &IdIndex<'_>,
        unknown: impl Fn(Id, Id) -> InstanceError,
        twice: impl Fn(Id, Id) -> InstanceError,
    ) -> Result<Lists, InstanceError> {
        let mut lists = Lists { start: vec![0], ranked: Vec::new(), by_member: Vec::new() };
        for (owner, ranking) in rankings {
            let from = lists.ranked.len();
            for id in ranking {
                let member = *other_side.get(id).ok_or_else(|| unknown(owner.clone(), id.clone()))?;
                lists.by_member.push((member, (lists.ranked.len() - from) as u32));
                lists.ranked.push(member);
            }
            let sorted = &mut lists.by_member[from..];
            sorted.sort_unstable();
            if let Some(pair) = sorted.windows(2).find(|pair| pair[0].0 == pair[1].0) {
                let repeated = ranking[pair[0].1 as usize].clone();
                return Err(twice(owner.clone(), repeated));
            }
            lists.start.push(lists.ranked.len() as u32);
        }
        Ok(lists)
    }

    /// The list of `owner`, best first.
    pub(crate) fn of(&self, owner: usize) -> &[u32] {
        &self.ranked[self.start[owner] as usize..self.start[owner + 1] as usize]
    }

    /// Where `owner` ranks `member` (0 = first), if it does.
    pub(crate) fn position(&self, owner: usize, member: usize) -> Option<u32> {
        let sorted = &self.by_member[self.start[owner] as usize..self.start[owner + 1] as usize];
        sorted.binary_search_by_key(&(member as u32), |&(m, _)| m).ok().map(|found| sorted[found].1)
    }
}

/// A checked instance: ids by index, capacities, and both sides' rankings.
#[derive(Clone, Debug)]
pub struct Market {
    pub(crate) applicants: Vec<Id>,
    pub(crate) openings: Vec<Id>,
    pub(crate) capacity: Vec<u32>,
    pub(crate) applicant_lists: Lists,
    pub(crate) opening_lists: Lists,
}

impl Market {
    pub fn applicant_count(&self) -> usize {
        self.applicants.len()
    }

    pub fn opening_count(&self) -> usize {
        self.openings.len()
    }

    pub fn applicant_id(&self, applicant: usize) -> &Id {
        &self.applicants[applicant]
    }

    pub fn opening_id(&self, opening: usize) -> &Id {
        &self.openings[opening]
    }

    pub fn capacity(&self, opening: usize) -> u32 {
        self.capacity[opening]
    }

    /// The openings `applicant` ranked, best first (acceptable to them, not necessarily mutually).
    pub fn ranking_of_applicant(&self, applicant: usize) -> &[u32] {
        self.applicant_lists.of(applicant)
    }

    /// The applicants `opening` ranked, best first.
    pub fn ranking_of_opening(&self, opening: usize) -> &[u32] {
        self.opening_lists.of(opening)
    }

    /// Where `opening` ranks `applicant` (0 = first), or `None` when it does not rank them.
    pub fn opening_rank(&self, opening: usize, applicant: usize) -> Option<u32> {
        self.opening_lists.position(opening, applicant)
    }

    /// Where `applicant` ranks `opening` (0 = first), or `None` when they do not rank it.
    pub fn applicant_rank(&self, applicant: usize, opening: usize) -> Option<u32> {
        self.applicant_lists.position(applicant, opening)
    }

    /// Each ranks the other.
    pub fn acceptable(&self, applicant: usize, opening: usize) -> bool {
        self.opening_rank(opening, applicant).is_some() && self.applicant_rank(applicant, opening).is_some()
    }
}
