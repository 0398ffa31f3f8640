//! The ids of a round's JSON: strings or integers, written back exactly as they came.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An applicant's or an opening's id. `7` and `"7"` are different ids, as they are in JSON.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Id {
    Int(i64),
    Text(String),
}

impl fmt::Display for Id {
    /// As in the JSON it came from, so that a message points at the right text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Id::Int(n) => write!(f, "{n}"),
            Id::Text(text) => write!(f, "{}", serde_json::Value::from(text.as_str())),
        }
    }
}

impl From<&str> for Id {
    fn from(text: &str) -> Id {
        Id::Text(text.to_owned())
    }
}

impl From<i64> for Id {
    fn from(n: i64) -> Id {
        Id::Int(n)
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Id::Int(n) => serializer.serialize_i64(*n),
            Id::Text(text) => serializer.serialize_str(text),
        }
    }
}

// A visitor rather than `#[serde(untagged)]`: a large instance holds a million ids, and untagged
// enums buffer each value before trying the variants.
struct IdVisitor;

impl Visitor<'_> for IdVisitor {
    type Value = Id;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an id (a string or an integer)")
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Id, E> {
        Ok(Id::Int(n))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Id, E> {
        i64::try_from(n).map(Id::Int).map_err(|_| E::custom(format!("the id {n} is too large")))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Id, E> {
        Ok(Id::Text(text.to_owned()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Id, E> {
        Ok(Id::Text(text))
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Id, D::Error> {
        deserializer.deserialize_any(IdVisitor)
    }
}

/// An id is a JSON number or a JSON string, as it came.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Id {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Type};
        OneOfBuilder::new()
            .item(ObjectBuilder::new().schema_type(Type::Integer))
            .item(ObjectBuilder::new().schema_type(Type::String))
            .description(Some("An applicant's or an opening's id: a number or a string (7 and \"7\" differ)"))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Id {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_integers_come_back_as_they_came() {
        let ids: Vec<Id> = serde_json::from_str(r#"[7, "7", "kaist-12", -3]"#).expect("ids");
        assert_eq!(ids, vec![Id::Int(7), Id::from("7"), Id::from("kaist-12"), Id::Int(-3)]);
        assert_eq!(serde_json::to_string(&ids).expect("json"), r#"[7,"7","kaist-12",-3]"#);
        assert_eq!(Id::from("a\"b").to_string(), r#""a\"b""#);
    }

    #[test]
    fn other_values_are_refused_with_what_was_expected() {
        for bad in ["1.5", "null", "[1]", "{}", "true"] {
            let err = serde_json::from_str::<Id>(bad).expect_err(bad).to_string();
            assert!(err.contains("a string or an integer"), "{bad}: {err}");
        }
    }
}
