use sea_orm::entity::prelude::*;

/// A saved search or profile alert (see `db::alerts`).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "saved_search")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub account_id: i32,
    pub lang: String,
    /// The search's parameters as JSON (`model::dto::SearchParams`); empty for a profile alert.
    pub params: String,
    pub for_profile: bool,
    pub frequency: String,
    pub created_at: DateTimeWithTimeZone,
    /// Openings first published after this are new to the next digest.
    pub since: DateTimeWithTimeZone,
    pub next_due_at: DateTimeWithTimeZone,
    pub claimed_at: Option<DateTimeWithTimeZone>,
    pub unsubscribe_key: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
