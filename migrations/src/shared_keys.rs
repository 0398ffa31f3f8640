//! What several migrations refer to alike: the tables most others point at, and foreign keys
//! that go with what they refer to.

use sea_orm_migration::prelude::*;

/// `from` refers to `to`, and goes with it when it is deleted.
pub fn cascade(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create().name(name).from(from.0, from.1).to(to.0, to.1).on_delete(ForeignKeyAction::Cascade).to_owned()
}

/// The `account` table's key, for tables that refer to an account.
#[derive(DeriveIden)]
pub enum Account {
    Table,
    Id,
}

/// The `opening` table's key, for tables that refer to an opening.
#[derive(DeriveIden)]
pub enum Opening {
    Table,
    Id,
}

/// The `institution` table's key, for tables that refer to an institution.
#[derive(DeriveIden)]
pub enum Institution {
    Table,
    Id,
}
