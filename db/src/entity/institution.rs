use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "institution")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    #[sea_orm(unique)]
    pub domain: String,
    /// `{lang: name}`
    pub name: Json,
    pub country: String,
    pub city: String,
    pub created_at: DateTimeWithTimeZone,
    /// When a platform admin verified the institution; `None` until then.
    pub verified_at: Option<DateTimeWithTimeZone>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::opening::Entity")]
    Opening,
}

impl Related<super::opening::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Opening.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
