use sea_orm::entity::prelude::*;

/// One line of a ranking in a round: a researcher's (`side` `researcher`, `owner_id` an
/// account, `ranked_id` an opening) or an opening's (`opening`: the reverse).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "round_ranking")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub round_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub side: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub owner_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub position: i32,
    pub ranked_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
