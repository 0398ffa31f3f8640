//! `ko-dic-builder ARCHIVE METADATA_DIR OUTPUT_DIR`
//!
//! Builds lindera's Korean dictionary without a network: unpacks mecab-ko-dic's source ARCHIVE,
//! compiles it with the `metadata.json` (and `context_id_freq.txt`, when present) found in
//! METADATA_DIR (the `lindera-ko-dic` crate of the lindera version in use), and writes the result
//! to OUTPUT_DIR, where `lindera-ko-dic`'s `embed-ko-dic` build finds it through
//! `LINDERA_BUILD_DICTIONARY_CACHE_DIR` instead of downloading it.

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

use lindera_dictionary::builder::DictionaryBuilder;
use lindera_dictionary::dictionary::metadata::Metadata;

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [archive, metadata_dir, output_dir] = args.as_slice() else {
        return Err("usage: ko-dic-builder ARCHIVE METADATA_DIR OUTPUT_DIR".into());
    };
    let work = output_dir.with_extension("src");
    if work.exists() {
        fs::remove_dir_all(&work)?;
    }
    fs::create_dir_all(&work)?;
    let decoder = flate2::read::GzDecoder::new(fs::File::open(archive)?);
    tar::Archive::new(decoder).unpack(&work)?;
    let input = single_subdirectory(&work)?;

    let metadata: Metadata = serde_json::from_str(&fs::read_to_string(metadata_dir.join("metadata.json"))?)?;
    let mut builder = DictionaryBuilder::new(metadata);
    let frequencies = metadata_dir.join("context_id_freq.txt");
    if frequencies.is_file() {
        builder = builder.with_context_id_freq(&frequencies);
    }
    if output_dir.exists() {
        fs::remove_dir_all(output_dir)?;
    }
    fs::create_dir_all(output_dir)?;
    builder.build_dictionary(&input, output_dir)?;
    fs::remove_dir_all(&work)?;
    println!("Korean dictionary written to {}", output_dir.display());
    Ok(())
}

/// The archive unpacks into one folder (`mecab-ko-dic-2.1.1-20180720`).
fn single_subdirectory(dir: &Path) -> Result<PathBuf, Box<dyn Error>> {
    let mut dirs = fs::read_dir(dir)?.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_dir());
    match (dirs.next(), dirs.next()) {
        (Some(only), None) => Ok(only),
        _ => Err(format!("{} should hold exactly one folder", dir.display()).into()),
    }
}
