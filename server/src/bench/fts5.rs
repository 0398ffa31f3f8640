//! The baseline the benchmark compares with: the same texts in SQLite FTS5, ranked by bm25.

use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;
use model::Lang;
use model::dto::SearchParams;
use model::record::OpeningRecord;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement, TransactionTrait};

use super::{Report, bench_error};
use crate::ServerError;

/// The baseline: the same texts in an SQLite FTS5 table (unicode61 tokenizer, diacritics
/// removed), the filterable values in a plain table beside it.
pub(super) struct Fts5 {
    conn: DatabaseConnection,
}

impl Fts5 {
    pub(super) async fn build(
        path: &Path,
        records: &[OpeningRecord],
        report: &mut Report,
    ) -> Result<Fts5, ServerError> {
        let fail = |e: sea_orm::DbErr| bench_error("FTS5", e);
        let conn = Database::connect(format!("sqlite://{}?mode=rwc", path.display())).await.map_err(fail)?;
        conn.execute_unprepared(
            "PRAGMA journal_mode=WAL;
             CREATE VIRTUAL TABLE docs USING fts5(title, keywords, description,
                 tokenize = 'unicode61 remove_diacritics 2');
             CREATE TABLE meta (id INTEGER PRIMARY KEY, kind TEXT, country TEXT, institution TEXT,
                 funded INTEGER, deadline TEXT);
             CREATE INDEX meta_deadline ON meta (deadline);",
        )
        .await
        .map_err(fail)?;
        let started = Instant::now();
        let txn = conn.begin().await.map_err(fail)?;
        for (id, record) in (1_i64..).zip(records) {
            let join = |texts: &model::Texts| texts.values().cloned().collect::<Vec<_>>().join("\n");
            txn.execute_raw(Statement::from_sql_and_values(
                sea_orm::DbBackend::Sqlite,
                "INSERT INTO docs (rowid, title, keywords, description) VALUES (?, ?, ?, ?)",
                [
                    id.into(),
                    join(&record.title).into(),
                    record.keywords.join("\n").into(),
                    join(&record.description).into(),
                ],
            ))
            .await
            .map_err(fail)?;
            txn.execute_raw(Statement::from_sql_and_values(
                sea_orm::DbBackend::Sqlite,
                "INSERT INTO meta (id, kind, country, institution, funded, deadline) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    id.into(),
                    record.kind.code().into(),
                    record.location.country.clone().into(),
                    record.institution.slug.clone().into(),
                    i32::from(record.funding.stipend.is_some()).into(),
                    record.deadline.to_string().into(),
                ],
            ))
            .await
            .map_err(fail)?;
        }
        txn.commit().await.map_err(fail)?;
        let seconds = started.elapsed().as_secs_f64();
        report.add(
            "indexing (SQLite FTS5, one transaction)",
            format!("{:.0} openings/s ({seconds:.1} s)", records.len() as f64 / seconds),
        );
        Ok(Fts5 { conn })
    }

    /// Top 10 by bm25 (title ×3, keywords ×2), the count, and kind/country/funded/institution
    /// counts over all matches: what the Tantivy search returns.
    pub(super) async fn search(&self, params: &SearchParams, _lang: Lang, today: NaiveDate) -> Result<(), ServerError> {
        let fail = |e: sea_orm::DbErr| bench_error("FTS5", e);
        let words: Vec<String> = params
            .q
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| format!("\"{w}\""))
            .collect();
        let mut filters = vec!["meta.deadline >= ?".to_string()];
        let mut values: Vec<sea_orm::Value> = vec![today.to_string().into()];
        if let Some(kind) = params.kind {
            filters.push("meta.kind = ?".into());
            values.push(kind.code().into());
        }
        if let Some(country) = &params.country {
            filters.push("meta.country = ?".into());
            values.push(country.clone().into());
        }
        let (from, order) = if words.is_empty() {
            ("meta".to_string(), "meta.deadline, meta.id".to_string())
        } else {
            filters.insert(0, "docs MATCH ?".into());
            // All the words, as the Tantivy search requires every word it knows.
            values.insert(0, words.join(" AND ").into());
            ("docs JOIN meta ON meta.id = docs.rowid".to_string(), "bm25(docs, 3.0, 2.0, 1.0), meta.id".to_string())
        };
        let filter = filters.join(" AND ");
        let statement = |sql: String| Statement::from_sql_and_values(sea_orm::DbBackend::Sqlite, sql, values.clone());
        let top = self
            .conn
            .query_all_raw(statement(format!("SELECT meta.id FROM {from} WHERE {filter} ORDER BY {order} LIMIT 10")))
            .await
            .map_err(fail)?;
        let facets = self
            .conn
            .query_all_raw(statement(format!(
                "SELECT meta.kind, meta.country, meta.funded, meta.institution, count(*) FROM {from}
                 WHERE {filter} GROUP BY 1, 2, 3, 4"
            )))
            .await
            .map_err(fail)?;
        std::hint::black_box((top.len(), facets.len()));
        Ok(())
    }
}
