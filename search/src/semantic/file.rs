//! The vectors file: what a server saves of its openings' embeddings, so that a restart embeds
//! only what changed. `PEV1`, the dimension (u32), then per opening its id (i64), the
//! fingerprint of the text embedded (u64), the vector's scale (f32) and its bytes; little-endian.

use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::path::Path;

use embedding::{Packed, VectorSet};

const SIGNATURE: &[u8; 4] = b"PEV1";

/// Written beside, then renamed over the old file: a crash leaves one or the other, whole.
pub(super) fn save(file: &Path, set: &VectorSet, fingerprints: &HashMap<i64, u64>) -> io::Result<()> {
    let partial = file.with_extension("partial");
    let mut out = io::BufWriter::new(std::fs::File::create(&partial)?);
    out.write_all(SIGNATURE)?;
    let dimension = set.iter().next().map_or(0, |(_, v)| v.values.len());
    out.write_all(&(dimension as u32).to_le_bytes())?;
    for (id, vector) in set.iter() {
        out.write_all(&id.to_le_bytes())?;
        out.write_all(&fingerprints.get(&id).copied().unwrap_or(0).to_le_bytes())?;
        out.write_all(&vector.scale.to_le_bytes())?;
        out.write_all(&vector.values.iter().map(|&v| v as u8).collect::<Vec<u8>>())?;
    }
    out.into_inner().map_err(io::IntoInnerError::into_error)?.sync_all()?;
    std::fs::rename(partial, file)
}

pub(super) fn load(file: &Path, dimension: usize) -> io::Result<(VectorSet, HashMap<i64, u64>)> {
    let mut bytes = Vec::new();
    std::fs::File::open(file)?.read_to_end(&mut bytes)?;
    let invalid = |what: &str| io::Error::new(io::ErrorKind::InvalidData, what.to_string());
    if bytes.len() < 8 || &bytes[..4] != SIGNATURE {
        return Err(invalid("not a vectors file"));
    }
    let stored_dimension = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize;
    let mut set = VectorSet::new(dimension);
    let mut fingerprints = HashMap::new();
    if stored_dimension == 0 {
        return Ok((set, fingerprints));
    }
    if stored_dimension != dimension {
        return Err(invalid("vectors of another model"));
    }
    let record = 8 + 8 + 4 + dimension;
    let body = &bytes[8..];
    if body.len() % record != 0 {
        return Err(invalid("truncated"));
    }
    for chunk in body.chunks_exact(record) {
        let number = |at: usize| {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(&chunk[at..at + 8]);
            eight
        };
        let id = i64::from_le_bytes(number(0));
        let print = u64::from_le_bytes(number(8));
        let scale = f32::from_le_bytes([chunk[16], chunk[17], chunk[18], chunk[19]]);
        let values = chunk[20..].iter().map(|&b| b as i8).collect();
        set.insert(id, &Packed { scale, values });
        fingerprints.insert(id, print);
    }
    Ok((set, fingerprints))
}
