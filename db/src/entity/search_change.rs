use sea_orm::entity::prelude::*;

/// One opening whose searchable state changed, in commit order (see `crate::changes`).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "search_change")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub seq: i32,
    pub opening_id: i32,
    pub created_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
