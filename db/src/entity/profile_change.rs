use sea_orm::entity::prelude::*;

/// One profile whose searchable state changed, in commit order (see `crate::candidates`).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "profile_change")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub seq: i32,
    pub account_id: i32,
    pub created_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
