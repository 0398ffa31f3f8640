use sea_orm::entity::prelude::*;

/// A matching round (see `db::rounds`).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "round")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Its name in each language given, as JSON (`model::Texts`).
    pub name: String,
    /// The coordinating institution (its admins coordinate); none: platform admins only.
    pub institution_id: Option<i32>,
    pub created_by: i32,
    pub applications_close: DateTimeWithTimeZone,
    pub rankings_close: DateTimeWithTimeZone,
    pub results_at: DateTimeWithTimeZone,
    pub max_ranking: i32,
    /// The round whose unfilled places this one offers again.
    pub scramble_of: Option<i32>,
    /// `model::round::RoundState` code.
    pub state: String,
    pub solved_at: Option<DateTimeWithTimeZone>,
    pub published_at: Option<DateTimeWithTimeZone>,
    /// The instance it solved, with account and opening ids (`matching::Instance` JSON).
    pub instance: Option<String>,
    /// The anonymised instance and result, once the coordinator publishes them.
    pub anonymised: Option<String>,
    pub reminded_at: Option<DateTimeWithTimeZone>,
    pub created_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
