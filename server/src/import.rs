//! Reading an import file (one JSON record per line). Every line is checked before anything is
//! written, and the write is one transaction: a file with a bad line imports nothing.

use std::collections::HashMap;
use std::path::Path;

use catalog::{Catalog, CatalogError};
use catalog::{DbError, ImportSummary};
use model::record::OpeningRecord;

use crate::ServerError;

/// Parses every line of `text`; blank lines are skipped. Errors name the 1-based line number.
pub fn parse_lines(text: &str) -> Result<Vec<(usize, OpeningRecord)>, Vec<String>> {
    let mut records = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        match OpeningRecord::from_json_line(line) {
            Ok(record) => {
                let key = (record.institution.domain.clone(), record.external_id.clone());
                if let Some(first) = seen.insert(key, line_no) {
                    errors.push(format!(
                        "line {line_no}: external_id '{}' of {} already appears on line {first}",
                        record.external_id, record.institution.domain
                    ));
                } else {
                    records.push((line_no, record));
                }
            }
            Err(error) => errors.push(format!("line {line_no}: {error}")),
        }
    }
    if errors.is_empty() { Ok(records) } else { Err(errors) }
}

/// Imports `text` (named `source` in messages) into the catalogue.
pub async fn import_text(catalog: &Catalog, source: &str, text: &str) -> Result<ImportSummary, ServerError> {
    let bad_import = |errors| ServerError::BadImport { path: source.to_string(), errors };
    let numbered = parse_lines(text).map_err(bad_import)?;
    let records: Vec<OpeningRecord> = numbered.iter().map(|(_, record)| record.clone()).collect();
    match catalog.import(&records).await {
        Ok(summary) => Ok(summary),
        Err(CatalogError::Db(DbError::Conflict { index, reason })) => {
            let line_no = numbered.get(index).map_or(0, |(line_no, _)| *line_no);
            Err(bad_import(vec![format!("line {line_no}: {reason}")]))
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn import_file(catalog: &Catalog, path: &Path) -> Result<ImportSummary, ServerError> {
    let text =
        std::fs::read_to_string(path).map_err(|source| ServerError::ReadFile { path: path.to_path_buf(), source })?;
    import_text(catalog, &path.display().to_string(), &text).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_their_lines() {
        let text = "\n{\"broken\": true}\n\nnot json\n";
        let errors = parse_lines(text).expect_err("bad lines");
        assert_eq!(errors.len(), 2);
        assert!(errors[0].starts_with("line 2: "), "{errors:?}");
        assert!(errors[1].starts_with("line 4: "), "{errors:?}");
    }
}
