use sea_orm::entity::prelude::*;

/// A moderator's decision on a posting; unseen ones are its poster's notifications.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "decision")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub opening_id: i32,
    pub poster_id: i32,
    pub decided_by: i32,
    pub approved: bool,
    /// A `model::posting::RejectReason` code, for a rejection.
    pub reason: Option<String>,
    pub note: String,
    pub created_at: DateTimeWithTimeZone,
    pub seen_at: Option<DateTimeWithTimeZone>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
