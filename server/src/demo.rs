//! `passerelle seed demo`: openings written for the project, embedded in the binary. Their dates
//! are shifted so that deadlines stay in the future whenever the demo is loaded.

use catalog::ImportSummary;
use chrono::{Days, NaiveDate};
use model::record::OpeningRecord;

use crate::ServerError;
use crate::import::parse_lines;

const DEMO_OPENINGS: &str = include_str!("../demo/openings.jsonl");
/// The day the demo file's dates were written for; they move forward with the calendar.
const WRITTEN_ON: (i32, u32, u32) = (2026, 11, 23);

/// The demo records, with dates moved by the days elapsed since they were written.
pub fn demo_records(today: NaiveDate) -> Result<Vec<OpeningRecord>, ServerError> {
    let (year, month, day) = WRITTEN_ON;
    let written_on = NaiveDate::from_ymd_opt(year, month, day).unwrap_or(today);
    let shift = Days::new(u64::try_from((today - written_on).num_days()).unwrap_or(0));
    let records = parse_lines(DEMO_OPENINGS)
        .map_err(|errors| ServerError::BadImport { path: "demo/openings.jsonl".to_string(), errors })?;
    Ok(records
        .into_iter()
        .map(|(_, mut record)| {
            record.deadline = record.deadline + shift;
            record.start_date = record.start_date.map(|date| date + shift);
            record
        })
        .collect())
}

pub async fn seed(catalog: &catalog::Catalog, today: NaiveDate) -> Result<ImportSummary, ServerError> {
    Ok(catalog.import(&demo_records(today)?).await?)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn the_demo_is_broad_and_stays_open() {
        let today = NaiveDate::from_ymd_opt(2031, 6, 1).unwrap_or_default();
        let records = demo_records(today).expect("demo data parses");
        assert!(records.len() >= 60, "{} demo openings", records.len());
        let institutions: HashSet<_> = records.iter().map(|r| &r.institution.domain).collect();
        assert!(institutions.len() >= 15, "{} institutions", institutions.len());
        let kinds: HashSet<_> = records.iter().map(|r| r.kind).collect();
        assert_eq!(kinds.len(), model::vocab::Kind::ALL.len());
        for lang in model::Lang::ALL {
            assert!(records.iter().any(|r| r.title.len() == 1 && r.title.contains_key(&lang)), "only {lang}");
        }
        assert!(records.iter().any(|r| r.title.len() == 3), "none in all three languages");
        assert!(records.iter().all(|r| r.deadline > today), "a deadline has passed");
    }
}
