use sea_orm::entity::prelude::*;

/// A researcher taking part in a round: who ranked, and once solved, their result.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "round_participant")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub round_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub account_id: i32,
    pub ranked_at: Option<DateTimeWithTimeZone>,
    /// The opening they are matched to, once solved.
    pub opening_id: Option<i32>,
    /// Their name in the anonymised publication.
    pub token: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
