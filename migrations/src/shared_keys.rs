//! Foreign keys that the migrations declare alike.

use sea_orm_migration::prelude::*;

/// `from` refers to `to`, and goes with it when it is deleted.
pub fn cascade(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create().name(name).from(from.0, from.1).to(to.0, to.1).on_delete(ForeignKeyAction::Cascade).to_owned()
}
