//! Where an index lives on disk. Each schema version has a folder of its own under the index
//! root (`index/v7`), so that a new version is built beside the old one: a server of the
//! previous release sharing the data directory during a deploy keeps searching its own folder
//! until it stops. Every process using a folder holds a shared lock on it; a folder of another
//! version is deleted only once nobody holds that lock.

use std::fs::{self, File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

/// Held (shared) by every process that has the folder open.
const IN_USE: &str = "passerelle-in-use.lock";
/// Files of the layout before versioned folders: the index sat in the root itself.
const UNVERSIONED_MARKER: &str = "meta.json";

/// One version's folder, held open (see the module's comment) while this lives.
#[derive(Debug)]
pub(crate) struct VersionFolder {
    pub(crate) path: PathBuf,
    _in_use: File,
}

impl VersionFolder {
    /// The folder of schema `version` under `root`, created when absent and marked in use.
    pub(crate) fn take(root: &Path, version: u32) -> io::Result<VersionFolder> {
        let path = root.join(format!("v{version}"));
        fs::create_dir_all(&path)?;
        let in_use = File::options().create(true).truncate(false).write(true).open(path.join(IN_USE))?;
        in_use.lock_shared()?;
        Ok(VersionFolder { path, _in_use: in_use })
    }

    /// Deletes the folders of other versions that no process has open, and the files of the
    /// unversioned layout. Returns the folders deleted.
    pub(crate) fn retire_others(&self) -> io::Result<Vec<PathBuf>> {
        let Some(root) = self.path.parent() else { return Ok(Vec::new()) };
        let mut retired = Vec::new();
        let unversioned = root.join(UNVERSIONED_MARKER).exists();
        for entry in fs::read_dir(root)? {
            let entry = entry?;
            let path = entry.path();
            if path == self.path {
                continue;
            }
            if entry.file_type()?.is_dir() {
                if is_version_folder(&path) && !in_use(&path)? {
                    fs::remove_dir_all(&path)?;
                    retired.push(path);
                }
            } else if unversioned {
                // Segments, meta.json, the stamp and Tantivy's lock files of the old layout.
                fs::remove_file(&path)?;
            }
        }
        if unversioned {
            retired.push(root.to_path_buf());
        }
        Ok(retired)
    }
}

fn is_version_folder(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .and_then(|name| name.strip_prefix('v'))
        .is_some_and(|number| !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a process holds the folder open: its lock cannot be taken for ourselves alone.
fn in_use(folder: &Path) -> io::Result<bool> {
    let Ok(file) = File::options().write(true).open(folder.join(IN_USE)) else {
        // A folder nobody ever marked (a crashed creation) is nobody's.
        return Ok(false);
    };
    match file.try_lock() {
        Ok(()) => Ok(false),
        Err(TryLockError::WouldBlock) => Ok(true),
        Err(TryLockError::Error(err)) => Err(err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_old_version_stays_while_a_process_has_it_open() {
        let root = tempfile::tempdir().expect("temp dir");
        let old = VersionFolder::take(root.path(), 6).expect("old");
        fs::write(old.path.join("meta.json"), "{}").expect("write");
        let new = VersionFolder::take(root.path(), 7).expect("new");
        assert!(new.retire_others().expect("retire").is_empty(), "a server still searches v6");
        assert!(old.path.join("meta.json").exists());

        let old_path = old.path.clone();
        drop(old);
        assert_eq!(new.retire_others().expect("retire"), vec![old_path.clone()]);
        assert!(!old_path.exists());
        assert!(new.path.exists(), "the current version is never retired");
    }

    #[test]
    fn the_unversioned_layout_is_cleared_once_the_new_folder_exists() {
        let root = tempfile::tempdir().expect("temp dir");
        for file in ["meta.json", "passerelle-schema-version", "abc.idx"] {
            fs::write(root.path().join(file), "x").expect("write");
        }
        fs::create_dir(root.path().join("notes")).expect("dir");
        let new = VersionFolder::take(root.path(), 7).expect("new");
        new.retire_others().expect("retire");
        let left: Vec<_> = fs::read_dir(root.path()).expect("read").map(|e| e.expect("entry").file_name()).collect();
        assert_eq!(left.len(), 2, "only v7 and a folder that is not an index remain: {left:?}");
    }
}
