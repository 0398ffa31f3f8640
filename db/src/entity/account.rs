use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "account")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Lowercased.
    #[sea_orm(unique)]
    pub email: String,
    /// argon2id, in the PHC string format.
    pub password_hash: String,
    pub display_name: String,
    pub preferred_lang: String,
    pub role: String,
    pub email_confirmed_at: Option<DateTimeWithTimeZone>,
    pub suspended_at: Option<DateTimeWithTimeZone>,
    pub suspension_reason: Option<String>,
    pub created_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::session::Entity")]
    Session,
}

impl Related<super::session::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Session.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
