//! Published openings as result rows show them ([`OpeningCard`]): what a page of search
//! results, recommendations, bookmarks and alert digests wait for. Only the columns a row needs
//! are read, and their JSON is decoded straight into its types, not through whole models.

use chrono::{DateTime, FixedOffset, NaiveDate};
use model::Lang;
use model::dto::OpeningCard;
use model::record::Location;
use model::vocab::Kind;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, IntoColumnRef};
use sea_orm::{ColumnTrait, EntityTrait, FromQueryResult, JoinType, QueryFilter, QuerySelect, RelationTrait};

use crate::convert::from_json_text;
use crate::entity::{institution, opening};
use crate::queries::in_order_of;
use crate::{Db, DbError, Status};

#[derive(Debug, FromQueryResult)]
struct CardRow {
    id: i32,
    external_id: String,
    kind: String,
    title: String,
    description: String,
    original_language: String,
    country: String,
    city: String,
    city_names: Option<String>,
    deadline: NaiveDate,
    stipend_amount: Option<f64>,
    stipend_currency: Option<String>,
    stipend_period: Option<String>,
    status: String,
    created_at: DateTime<FixedOffset>,
    published_at: Option<DateTime<FixedOffset>>,
    institution_slug: String,
    institution_name: String,
}

impl Db {
    /// Published openings with these ids as result rows show them, in the order of `ids`;
    /// unknown ids are skipped.
    pub async fn opening_cards(&self, ids: &[i64]) -> Result<Vec<OpeningCard>, DbError> {
        in_order_of(ids, |keys| async move {
            let rows = opening::Entity::find()
                .select_only()
                .columns([
                    opening::Column::Id,
                    opening::Column::ExternalId,
                    opening::Column::Kind,
                    opening::Column::OriginalLanguage,
                    opening::Column::Country,
                    opening::Column::City,
                    opening::Column::Deadline,
                    opening::Column::StipendAmount,
                    opening::Column::StipendCurrency,
                    opening::Column::StipendPeriod,
                    opening::Column::Status,
                    opening::Column::CreatedAt,
                    opening::Column::PublishedAt,
                ])
                .column_as(text((opening::Entity, opening::Column::Title)), "title")
                .column_as(text((opening::Entity, opening::Column::Description)), "description")
                .column_as(text((opening::Entity, opening::Column::CityNames)), "city_names")
                .column_as(institution::Column::Slug, "institution_slug")
                .column_as(text((institution::Entity, institution::Column::Name)), "institution_name")
                .join(JoinType::InnerJoin, opening::Relation::Institution.def())
                // By key only, as in `Db::opening`; the status is checked on the rows.
                .filter(opening::Column::Id.is_in(keys))
                .into_model::<CardRow>()
                .all(&self.conn())
                .await?;
            rows.into_iter()
                .filter(|row| row.status == Status::Published.code())
                .map(|row| card(row).map(|card| (card.id, card)))
                .collect()
        })
        .await
    }
}

/// A JSON column as text on every backend, to be decoded here into its type.
fn text(column: impl IntoColumnRef) -> Expr {
    Expr::col(column).cast_as(Alias::new("text"))
}

fn card(row: CardRow) -> Result<OpeningCard, DbError> {
    let id = i64::from(row.id);
    let corrupt = |reason: &str| DbError::Corrupt { id, reason: reason.to_string() };
    let json = |column: &str, text: &str| from_json_text(id, column, text);
    Ok(OpeningCard {
        id,
        external_id: row.external_id,
        title: json("title", &row.title)?,
        description: json("description", &row.description)?,
        original_language: Lang::from_code(&row.original_language).ok_or_else(|| corrupt("original_language"))?,
        institution_slug: row.institution_slug,
        institution_name: json("institution.name", &row.institution_name)?,
        kind: Kind::from_code(&row.kind).ok_or_else(|| corrupt("kind"))?,
        location: Location {
            country: row.country,
            city: row.city,
            city_names: row
                .city_names
                .as_deref()
                .map(|names| json("city_names", names))
                .transpose()?
                .unwrap_or_default(),
        },
        deadline: row.deadline,
        // As the record reads it: a stipend is an amount, a currency and a period.
        funded: row.stipend_amount.is_some() && row.stipend_currency.is_some() && row.stipend_period.is_some(),
        published_on: row.published_at.unwrap_or(row.created_at).date_naive(),
    })
}
