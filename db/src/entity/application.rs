use sea_orm::entity::prelude::*;

/// A researcher's application to an opening.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "application")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub opening_id: i32,
    pub account_id: i32,
    /// A `model::application::ApplicationStatus` code.
    pub status: String,
    pub letter: String,
    pub letter_lang: String,
    /// The answers to the opening's questions, as JSON.
    pub answers: Json,
    /// The CV sent with it.
    pub cv_id: Option<i32>,
    pub created_at: DateTimeWithTimeZone,
    /// When the status last changed.
    pub status_at: DateTimeWithTimeZone,
    /// When the opening's members were last reminded of it.
    pub reminded_at: Option<DateTimeWithTimeZone>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::opening::Entity", from = "Column::OpeningId", to = "super::opening::Column::Id")]
    Opening,
}

impl Related<super::opening::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Opening.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
