use sea_orm::entity::prelude::*;

/// An opening taking part in a round.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "round_opening")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub round_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub opening_id: i32,
    pub places: i32,
    /// When its institution last submitted its ranking; none: no ranking (yet).
    pub ranked_at: Option<DateTimeWithTimeZone>,
    /// Its name in the anonymised publication.
    pub token: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
