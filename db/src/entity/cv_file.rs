use sea_orm::entity::prelude::*;

/// An uploaded CV (a PDF). Never changed: a new upload is a new row.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "cv_file")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub account_id: i32,
    /// The name it was uploaded with, cleaned, for the download.
    pub file_name: String,
    pub sha256: String,
    pub size_bytes: i32,
    pub content: Vec<u8>,
    pub created_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
