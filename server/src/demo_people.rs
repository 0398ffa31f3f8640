//! The demo's people (`passerelle seed demo`): researchers writing in each interface language,
//! with profiles, CVs and applications in several statuses, and coordinators at KAIST and
//! Université de Sherbrooke who answer them. Everything goes through the use cases, as if they
//! had signed in and typed it. A demo database is for trying Passerelle, not for production.

use catalog::{Catalog, NewAccount};
use chrono::NaiveDate;
use model::Lang;
use model::account::{InstitutionRole, Role, Viewer};
use model::application::ApplicationStatus;
use model::profile::{Profile, Visibility};
use model::record::LanguageRequirement;
use model::vocab::{CareerStage, Cefr, Field, Kind};

use crate::ServerError;
use crate::auth::password::hash_password;

/// A demo account: its address, name, language, and the institution it coordinates for.
struct Person {
    email: &'static str,
    name: &'static str,
    lang: Lang,
    institution: Option<&'static str>,
}

const COORDINATORS: [Person; 2] = [
    Person {
        email: "kaist.coordinator@demo.passerelle.example",
        name: "박지호",
        lang: Lang::Ko,
        institution: Some("kaist"),
    },
    Person {
        email: "sherbrooke.coordination@demo.passerelle.example",
        name: "Camille Roy",
        lang: Lang::Fr,
        institution: Some("usherbrooke"),
    },
];

const RESEARCHERS: [Person; 5] = [
    Person { email: "minji.kim@demo.passerelle.example", name: "김민지", lang: Lang::Ko, institution: None },
    Person { email: "lea.tremblay@demo.passerelle.example", name: "Léa Tremblay", lang: Lang::Fr, institution: None },
    Person { email: "daniel.okafor@demo.passerelle.example", name: "Daniel Okafor", lang: Lang::En, institution: None },
    Person { email: "sophie.gagnon@demo.passerelle.example", name: "Sophie Gagnon", lang: Lang::Fr, institution: None },
    Person { email: "seojun.lee@demo.passerelle.example", name: "이서준", lang: Lang::Ko, institution: None },
];

/// An application a demo researcher sends, and how far its institution has moved it.
struct DemoApplication {
    researcher: usize,
    institution: &'static str,
    external_id: &'static str,
    letter: &'static str,
    letter_lang: Lang,
    /// The answers to the opening's questions.
    answers: &'static [&'static str],
    /// Each step taken by the institution's coordinator, with its message.
    steps: &'static [(ApplicationStatus, &'static str)],
}

const APPLICATIONS: [DemoApplication; 10] = [
    DemoApplication {
        researcher: 0,
        institution: "usherbrooke",
        external_id: "demo-usherb-water-treatment",
        letter: "안녕하세요. 저는 해양 미생물과 수질 정화를 연구하는 석사과정생입니다. 하수 처리 공정의 미생물 군집 분석 경험을 살려 귀 연구실의 연구에 기여하고 싶습니다.",
        letter_lang: Lang::Ko,
        answers: &["석사 연구에서 실험실 규모의 막 생물반응기를 6개월간 운전했습니다."],
        steps: &[
            (ApplicationStatus::UnderReview, ""),
            (
                ApplicationStatus::Shortlisted,
                "Merci pour votre candidature! Nous aimerions vous rencontrer en visioconférence la semaine prochaine.",
            ),
        ],
    },
    DemoApplication {
        researcher: 1,
        institution: "kaist",
        external_id: "demo-kaist-soft-robotics",
        letter: "Madame, Monsieur, doctorante en génie mécanique à Sherbrooke, je travaille sur les actionneurs souples. Un séjour dans votre laboratoire me permettrait d’approfondir la fabrication d’élastomères à cristaux liquides.",
        letter_lang: Lang::Fr,
        answers: &[],
        steps: &[],
    },
    DemoApplication {
        researcher: 1,
        institution: "kaist",
        external_id: "demo-kaist-llm-korean",
        letter: "I am a doctoral student in computational linguistics, working on French and Korean morphology; I would be glad to contribute to your evaluation of language models.",
        letter_lang: Lang::En,
        answers: &[],
        steps: &[
            (ApplicationStatus::Shortlisted, ""),
            (ApplicationStatus::OfferMade, "We are happy to offer you the position. Please answer within two weeks."),
        ],
    },
    DemoApplication {
        researcher: 2,
        institution: "usherbrooke",
        external_id: "demo-usherb-quantum-materials",
        letter: "I am a postdoctoral researcher in condensed matter physics with four years of experience in ARPES on correlated oxides.",
        letter_lang: Lang::En,
        answers: &[],
        steps: &[(
            ApplicationStatus::NotRetained,
            "Thank you for your interest. We chose a candidate whose experience is closer to our transport measurements.",
        )],
    },
    DemoApplication {
        researcher: 2,
        institution: "kaist",
        external_id: "demo-kaist-summer-ai",
        letter: "I would like to join the summer school to learn current methods in machine learning for materials discovery.",
        letter_lang: Lang::En,
        answers: &[],
        steps: &[],
    },
    // Enough applicants to the same three openings for a matching round.
    DemoApplication {
        researcher: 2,
        institution: "kaist",
        external_id: "demo-kaist-llm-korean",
        letter: "Beyond photoemission, I analyse large text corpora of lab notebooks; evaluating Korean language models would broaden that work.",
        letter_lang: Lang::En,
        answers: &[],
        steps: &[],
    },
    DemoApplication {
        researcher: 3,
        institution: "usherbrooke",
        external_id: "demo-usherb-water-treatment",
        letter: "Étudiante à la maîtrise en génie chimique, je travaille sur l’encrassement des membranes; votre projet prolongerait directement mes travaux.",
        letter_lang: Lang::Fr,
        answers: &["J’ai opéré un bioréacteur à membrane pilote pendant un été dans une usine d’épuration."],
        steps: &[],
    },
    DemoApplication {
        researcher: 3,
        institution: "kaist",
        external_id: "demo-kaist-soft-robotics",
        letter: "Je conçois des pinces souples imprimées en 3D pour manipuler des échantillons biologiques fragiles.",
        letter_lang: Lang::Fr,
        answers: &[],
        steps: &[],
    },
    DemoApplication {
        researcher: 4,
        institution: "kaist",
        external_id: "demo-kaist-soft-robotics",
        letter: "안녕하세요. 기계공학과 석사과정에서 공압식 소프트 그리퍼를 연구하고 있습니다.",
        letter_lang: Lang::Ko,
        answers: &[],
        steps: &[],
    },
    DemoApplication {
        researcher: 4,
        institution: "kaist",
        external_id: "demo-kaist-llm-korean",
        letter: "한국어 형태소 분석기를 직접 만들어 본 경험이 있어 언어 모델 평가에 기여할 수 있습니다.",
        letter_lang: Lang::Ko,
        answers: &[],
        steps: &[],
    },
];

/// The researchers' profiles, in the order of [`RESEARCHERS`].
fn profiles(today: NaiveDate) -> [Profile; 5] {
    let speaks = |pairs: &[(&str, Cefr)]| {
        pairs.iter().map(|(lang, level)| LanguageRequirement { lang: lang.to_string(), level: *level }).collect()
    };
    [
        Profile {
            career_stage: Some(CareerStage::R1),
            fields: vec![Field::BiologicalSciences, Field::EnvironmentalEngineering],
            keywords: vec!["해양 미생물".into(), "marine microbiology".into(), "water treatment".into()],
            interests: [(Lang::Ko, "해양 미생물 군집이 수질 정화와 기후에 미치는 영향을 연구합니다.".to_string())]
                .into(),
            languages: speaks(&[("ko", Cefr::C2), ("en", Cefr::B2), ("fr", Cefr::A2)]),
            available_from: today.checked_add_days(chrono::Days::new(90)),
            kinds: vec![Kind::Internship, Kind::PhdExchange],
            countries: vec!["CA".into(), "FR".into()],
            orcid: None,
            website: None,
            visibility: Visibility::Verified,
        },
        Profile {
            career_stage: Some(CareerStage::R1),
            fields: vec![Field::MechanicalEngineering, Field::LanguagesLiterature],
            keywords: vec!["robotique souple".into(), "actionneurs".into()],
            interests: [(
                Lang::Fr,
                "Actionneurs souples, élastomères à cristaux liquides et préhension d’objets fragiles.".to_string(),
            )]
            .into(),
            languages: speaks(&[("fr", Cefr::C2), ("en", Cefr::C1), ("ko", Cefr::A2)]),
            available_from: None,
            kinds: vec![Kind::PhdExchange, Kind::VisitingResearcher],
            countries: vec!["KR".into()],
            orcid: Some("0000-0002-1825-0097".into()),
            website: None,
            visibility: Visibility::AppliedTo,
        },
        Profile {
            career_stage: Some(CareerStage::R2),
            fields: vec![Field::PhysicalSciences],
            keywords: vec!["ARPES".into(), "correlated oxides".into()],
            interests: [(
                Lang::En,
                "Electronic structure of correlated oxides, photoemission spectroscopy.".to_string(),
            )]
            .into(),
            languages: speaks(&[("en", Cefr::C2), ("fr", Cefr::B1)]),
            available_from: None,
            kinds: vec![Kind::Postdoc, Kind::SummerSchool],
            countries: vec![],
            orcid: None,
            website: Some("https://example.org/okafor".into()),
            visibility: Visibility::Verified,
        },
        Profile {
            career_stage: Some(CareerStage::R1),
            fields: vec![Field::ChemicalEngineering, Field::EnvironmentalEngineering],
            keywords: vec!["encrassement des membranes".into(), "traitement des eaux".into()],
            interests: [(
                Lang::Fr,
                "Encrassement des membranes et bioréacteurs pour l’épuration des eaux.".to_string(),
            )]
            .into(),
            languages: speaks(&[("fr", Cefr::C2), ("en", Cefr::B2)]),
            available_from: None,
            kinds: vec![Kind::Internship, Kind::VisitingResearcher],
            countries: vec!["KR".into(), "CA".into()],
            orcid: None,
            website: None,
            visibility: Visibility::AppliedTo,
        },
        Profile {
            career_stage: Some(CareerStage::R1),
            fields: vec![Field::MechanicalEngineering, Field::ComputerSciences],
            keywords: vec!["소프트 로봇".into(), "형태소 분석".into()],
            interests: [(Lang::Ko, "공압식 소프트 그리퍼와 한국어 자연어 처리를 함께 연구합니다.".to_string())].into(),
            languages: speaks(&[("ko", Cefr::C2), ("en", Cefr::B2)]),
            available_from: None,
            kinds: vec![Kind::Internship, Kind::PhdExchange],
            countries: vec!["CA".into()],
            orcid: None,
            website: None,
            visibility: Visibility::AppliedTo,
        },
    ]
}

/// A one-page PDF saying whose CV it is (the demo's stand-in for a real CV).
pub fn demo_cv(name: &str) -> Vec<u8> {
    let text: String = name.chars().filter(|c| c.is_ascii_alphanumeric() || *c == ' ').collect();
    let content = format!("BT /F1 20 Tf 72 770 Td (Curriculum vitae - {text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut pdf = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (number, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.push_str(&format!("{} 0 obj\n{object}\nendobj\n", number + 1));
    }
    let xref = pdf.len();
    pdf.push_str(&format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1));
    for offset in offsets {
        pdf.push_str(&format!("{offset:010} 00000 n \n"));
    }
    pdf.push_str(&format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1));
    pdf.into_bytes()
}

/// The demo's password: `PASSERELLE_DEMO_PASSWORD`, else a new random one (and `true`: print it).
fn demo_password() -> (String, bool) {
    match std::env::var("PASSERELLE_DEMO_PASSWORD") {
        Ok(password) if !password.is_empty() => (password, false),
        _ => (catalog::token::random_token().chars().take(20).collect(), true),
    }
}

/// Creates the demo's people (those not there yet) and prints each, one address and role a line.
pub async fn seed_people(catalog: &Catalog, today: NaiveDate) -> Result<(), ServerError> {
    let (password, random) = demo_password();
    if let Some(problem) = model::account::password_problem(&password) {
        let reason = l10n::t(Lang::En, problem);
        return Err(ServerError::Config { name: "PASSERELLE_DEMO_PASSWORD", reason });
    }
    let hash = hash_password(&password)?;
    // A demo account there already keeps what it has, but takes a password that was chosen.
    let create = async |person: &'static Person| -> Result<Option<Viewer>, ServerError> {
        let new = NewAccount {
            email: person.email,
            password_hash: &hash,
            display_name: person.name,
            lang: person.lang,
            role: Role::Researcher,
            email_confirmed: true,
        };
        let created =
            catalog.create_demo_account(new, person.institution.map(|slug| (slug, InstitutionRole::Admin))).await?;
        if created.is_none()
            && !random
            && let Some(account) = catalog.account_by_email(person.email).await?
        {
            catalog.change_password(account.id, &hash).await?;
        }
        Ok(created)
    };
    let mut coordinators: Vec<(&str, Viewer)> = Vec::new();
    let mut created = 0;
    for person in &COORDINATORS {
        let viewer = create(person).await?;
        let slug = person.institution.unwrap_or_default();
        println!("{}  member of {slug} (institution administrator)", person.email);
        if let Some(viewer) = viewer {
            coordinators.push((slug, viewer));
            created += 1;
        }
    }
    let mut researchers: Vec<Option<Viewer>> = Vec::new();
    for (person, profile) in RESEARCHERS.iter().zip(profiles(today)) {
        let viewer = create(person).await?;
        println!("{}  researcher ({})", person.email, person.lang.code());
        if let Some(viewer) = &viewer {
            catalog.save_profile(viewer, &profile).await?;
            let handle = person.email.split('@').next().unwrap_or("demo");
            let _ = catalog.upload_cv(viewer, &format!("cv-{handle}.pdf"), &demo_cv(handle)).await?;
            created += 1;
        }
        researchers.push(viewer);
    }
    for application in &APPLICATIONS {
        let Some(Some(researcher)) = researchers.get(application.researcher) else { continue };
        let Some(opening) = catalog.opening_id(application.institution, application.external_id).await? else {
            continue;
        };
        // Saved first, as a researcher would before writing the letter.
        catalog.keep_opening(researcher, opening, true).await?;
        let answers: Vec<String> = application.answers.iter().map(|answer| answer.to_string()).collect();
        let sent = catalog.apply(researcher, opening, application.letter, application.letter_lang, &answers).await?;
        let Ok(id) = sent else {
            continue;
        };
        let coordinator = coordinators.iter().find(|(slug, _)| *slug == application.institution);
        for (status, message) in application.steps {
            if let Some((_, coordinator)) = coordinator {
                catalog.move_application(coordinator, id, *status, message).await?;
            }
        }
    }
    match (created, random) {
        (0, true) => println!(
            "The demo accounts were there already; their passwords are unchanged (set PASSERELLE_DEMO_PASSWORD to choose a new one)."
        ),
        (0, false) => println!(
            "The demo accounts were there already; their password is now the value of PASSERELLE_DEMO_PASSWORD."
        ),
        (_, true) => println!(
            "Password of the new demo accounts: {password} (shown once; set PASSERELLE_DEMO_PASSWORD to choose it)"
        ),
        (_, false) => println!("Password of the new demo accounts: the value of PASSERELLE_DEMO_PASSWORD"),
    }
    println!("A demo database is for trying Passerelle: do not use it in production.");
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_demo_cv_is_a_pdf() {
        assert_eq!(catalog::check_pdf(&super::demo_cv("lea.tremblay")), Ok(()));
    }
}
