use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub recipient: String,
    pub lang: String,
    pub subject: String,
    /// Plain text.
    pub body: String,
    pub created_at: DateTimeWithTimeZone,
    pub sent_at: Option<DateTimeWithTimeZone>,
    pub attempts: i32,
    pub last_error: Option<String>,
    /// When a server took it to send (see `Db::claim_mail`).
    pub claimed_at: Option<DateTimeWithTimeZone>,
    /// The one-click unsubscribe address (RFC 8058) of a digest.
    pub list_unsubscribe: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
