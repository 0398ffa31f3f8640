use sea_orm::entity::prelude::*;

/// A researcher's profile; `details` is a `model::profile::Profile` as JSON.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "profile")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub account_id: i32,
    pub career_stage: Option<String>,
    /// A `model::profile::Visibility` code.
    pub visibility: String,
    pub details: Json,
    /// The current CV.
    pub cv_id: Option<i32>,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
