//! Closed vocabularies of the opening record. Each term has a wire code (as in the import format)
//! and the id of the Fluent message that names it.

use serde::{Deserialize, Serialize};

// `$code` is a `tt`, not a `literal`: a `literal` fragment reaches derive macros wrapped in an
// invisible group, and utoipa's `ToSchema` would then miss the `serde(rename)` it carries.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$variant_meta:meta])* $variant:ident => $code:tt, $msg:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub enum $name {
            $($(#[$variant_meta])* #[serde(rename = $code)] $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The code used in the import format, URLs and the database.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            /// The Fluent message that names this term.
            pub fn message_id(self) -> &'static str {
                match self { $($name::$variant => $msg,)+ }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }
    };
}
pub(crate) use vocabulary;

vocabulary! {
    /// What sort of exchange an opening offers.
    Kind {
        VisitingResearcher => "visiting_researcher", "kind-visiting-researcher";
        Internship => "internship", "kind-internship";
        PhdExchange => "phd_exchange", "kind-phd-exchange";
        Postdoc => "postdoc", "kind-postdoc";
        JointProject => "joint_project", "kind-joint-project";
        SummerSchool => "summer_school", "kind-summer-school";
    }
}

vocabulary! {
    /// The EU researcher profiles, R1 (first stage) to R4 (leading).
    CareerStage {
        R1 => "R1", "stage-r1";
        R2 => "R2", "stage-r2";
        R3 => "R3", "stage-r3";
        R4 => "R4", "stage-r4";
    }
}

vocabulary! {
    /// Common European Framework of Reference levels.
    Cefr {
        A1 => "A1", "cefr-a1";
        A2 => "A2", "cefr-a2";
        B1 => "B1", "cefr-b1";
        B2 => "B2", "cefr-b2";
        C1 => "C1", "cefr-c1";
        C2 => "C2", "cefr-c2";
    }
}

vocabulary! {
    /// What a stipend amount is paid per.
    StipendPeriod {
        Month => "month", "period-month";
        Year => "year", "period-year";
        Week => "week", "period-week";
        Day => "day", "period-day";
        Total => "total", "period-total";
    }
}

impl StipendPeriod {
    /// The Fluent message that names this period as a choice in the posting form ("Monthly");
    /// [`StipendPeriod::message_id`] names it with an amount ("$5,000 per month").
    pub fn choice_message_id(self) -> &'static str {
        match self {
            StipendPeriod::Month => "period-choice-month",
            StipendPeriod::Year => "period-choice-year",
            StipendPeriod::Week => "period-choice-week",
            StipendPeriod::Day => "period-choice-day",
            StipendPeriod::Total => "period-choice-total",
        }
    }
}

vocabulary! {
    /// OECD Fields of Research and Development (Frascati Manual 2015).
    Field {
        Mathematics => "1.1", "field-1-1";
        ComputerSciences => "1.2", "field-1-2";
        PhysicalSciences => "1.3", "field-1-3";
        ChemicalSciences => "1.4", "field-1-4";
        EarthSciences => "1.5", "field-1-5";
        BiologicalSciences => "1.6", "field-1-6";
        OtherNaturalSciences => "1.7", "field-1-7";
        CivilEngineering => "2.1", "field-2-1";
        ElectricalEngineering => "2.2", "field-2-2";
        MechanicalEngineering => "2.3", "field-2-3";
        ChemicalEngineering => "2.4", "field-2-4";
        MaterialsEngineering => "2.5", "field-2-5";
        MedicalEngineering => "2.6", "field-2-6";
        EnvironmentalEngineering => "2.7", "field-2-7";
        EnvironmentalBiotechnology => "2.8", "field-2-8";
        IndustrialBiotechnology => "2.9", "field-2-9";
        Nanotechnology => "2.10", "field-2-10";
        OtherEngineering => "2.11", "field-2-11";
        BasicMedicine => "3.1", "field-3-1";
        ClinicalMedicine => "3.2", "field-3-2";
        HealthSciences => "3.3", "field-3-3";
        MedicalBiotechnology => "3.4", "field-3-4";
        OtherMedicalSciences => "3.5", "field-3-5";
        Agriculture => "4.1", "field-4-1";
        AnimalScience => "4.2", "field-4-2";
        VeterinaryScience => "4.3", "field-4-3";
        AgriculturalBiotechnology => "4.4", "field-4-4";
        OtherAgriculturalSciences => "4.5", "field-4-5";
        Psychology => "5.1", "field-5-1";
        EconomicsBusiness => "5.2", "field-5-2";
        Education => "5.3", "field-5-3";
        Sociology => "5.4", "field-5-4";
        Law => "5.5", "field-5-5";
        PoliticalScience => "5.6", "field-5-6";
        Geography => "5.7", "field-5-7";
        MediaCommunications => "5.8", "field-5-8";
        OtherSocialSciences => "5.9", "field-5-9";
        HistoryArchaeology => "6.1", "field-6-1";
        LanguagesLiterature => "6.2", "field-6-2";
        PhilosophyEthicsReligion => "6.3", "field-6-3";
        Arts => "6.4", "field-6-4";
        OtherHumanities => "6.5", "field-6-5";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for field in Field::ALL {
            assert_eq!(Field::from_code(field.code()), Some(*field));
        }
        assert_eq!(Kind::from_code("postdoc"), Some(Kind::Postdoc));
        assert_eq!(Kind::from_code("job"), None);
        assert_eq!(serde_json::to_string(&Field::Nanotechnology).unwrap_or_default(), "\"2.10\"");
    }
}
