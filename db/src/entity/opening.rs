use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "opening")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub institution_id: i32,
    pub external_id: String,
    pub kind: String,
    pub career_stages: Json,
    pub fields: Json,
    /// `{lang: title}`
    pub title: Json,
    /// `{lang: description}`
    pub description: Json,
    pub original_language: String,
    pub keywords: Json,
    pub languages_required: Json,
    pub country: String,
    pub city: String,
    /// `{lang: city}` when the record names its city per language.
    pub city_names: Option<Json>,
    pub start_date: Option<Date>,
    pub duration_months: Option<i32>,
    pub deadline: Date,
    pub stipend_amount: Option<f64>,
    pub stipend_currency: Option<String>,
    pub stipend_period: Option<String>,
    pub travel_covered: bool,
    pub housing_covered: bool,
    pub positions: i32,
    pub apply_url: Option<String>,
    pub contact_email: Option<String>,
    /// A `model::posting::PostingStatus` code.
    pub status: String,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
    /// When it was first published (set by `Db::log_changes`); `None` before.
    pub published_at: Option<DateTimeWithTimeZone>,
    /// The account that wrote it on the site; `None` for imported openings.
    pub created_by: Option<i32>,
    /// An edit of a published opening (a whole record, as JSON) not yet shown to readers.
    pub revision: Option<Json>,
    /// The edit's `model::posting::PostingStatus` code: draft, pending or rejected.
    pub revision_status: Option<String>,
    /// When it (or its edit) was last sent for review.
    pub submitted_at: Option<DateTimeWithTimeZone>,
    /// Whether it takes applications on Passerelle.
    pub applies_here: bool,
    /// What applicants answer besides their letter (a JSON list of texts); `None`: nothing.
    pub questions: Option<Json>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::institution::Entity",
        from = "Column::InstitutionId",
        to = "super::institution::Column::Id"
    )]
    Institution,
}

impl Related<super::institution::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Institution.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
