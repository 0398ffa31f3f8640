//! The same behaviour on both databases: SQLite (a file) and PostgreSQL (a real server, started
//! by `scripts/test.sh`, which sets PASSERELLE_TEST_POSTGRES_URL).

use db::{Db, DbError};
use model::record::testing::record;
use sea_orm::{ConnectionTrait, Database};

async fn check_catalogue_behaviour(db: &Db) {
    db.migrate().await.expect("migrations apply");
    db.migrate().await.expect("migrations are idempotent");

    let first = record("qec-1", "kaist", "Quantum error correction");
    let second = record("qec-2", "kaist", "Surface codes");
    let summary = db.import(&[first.clone(), second.clone()]).await.expect("import");
    assert_eq!((summary.inserted, summary.updated, summary.unchanged), (2, 0, 0));
    assert_eq!(summary.changed_ids.len(), 2);

    // The same file again changes nothing.
    let again = db.import(&[first.clone(), second.clone()]).await.expect("re-import");
    assert_eq!((again.inserted, again.updated, again.unchanged), (0, 0, 2));
    assert!(again.changed_ids.is_empty());

    // An edit is an update of the same row, keyed by domain + external_id.
    let mut edited = second.clone();
    edited.title.insert(model::Lang::Fr, "Codes de surface".into());
    edited.description.insert(model::Lang::Fr, "Un séjour.".into());
    let update = db.import(&[edited.clone()]).await.expect("update");
    assert_eq!((update.inserted, update.updated), (0, 1));
    let id = update.changed_ids[0];
    let stored = db.opening(id).await.expect("read").expect("exists");
    assert_eq!(stored.record, edited, "the record round-trips through the database");
    assert_eq!(db.count_published().await.expect("count"), 2);

    // A clash fails the whole import: the valid record before it is not written.
    let fresh = record("new-1", "postech", "Battery cathodes");
    let mut clash = record("x", "kaist", "Clash");
    clash.institution.domain = "other.example.org".into();
    match db.import(&[fresh, clash]).await {
        Err(DbError::Conflict { index, .. }) => assert_eq!(index, 1),
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(db.count_published().await.expect("count"), 2, "half an import was written");

    let by_ids = db.openings_by_ids(&[id, 999_999]).await.expect("by ids");
    assert_eq!(by_ids.len(), 1);
    // Result rows read only what they show, the same as the whole record says, in the order asked.
    let other = db.published_openings().await.expect("all").into_iter().find(|o| o.id != id).expect("the other");
    let cards = db.opening_cards(&[id, 999_999, other.id]).await.expect("cards");
    assert_eq!(cards.iter().map(|card| card.id).collect::<Vec<_>>(), [id, other.id]);
    for (card, stored) in cards.iter().zip([&stored, &other]) {
        let record = &stored.record;
        assert_eq!((&card.title, &card.description), (&record.title, &record.description));
        assert_eq!(
            (&card.institution_slug, &card.institution_name),
            (&record.institution.slug, &record.institution.name)
        );
        assert_eq!((card.kind, &card.location, card.deadline), (record.kind, &record.location, record.deadline));
        assert_eq!((&card.external_id, card.original_language), (&record.external_id, record.original_language));
        assert_eq!(card.funded, record.funding.stipend.is_some());
        assert_eq!(card.published_on, stored.published_at.date_naive());
    }
    assert_eq!(db.published_openings().await.expect("all").len(), 2);
    assert!(db.opening(999_999).await.expect("read").is_none());

    // Large imports go in batches; the same opening twice in one file: the later line wins.
    let many: Vec<_> = (0..1_203).map(|n| record(&format!("bulk-{n}"), "snu", &format!("Opening {n}"))).collect();
    let bulk = db.import(&many).await.expect("bulk import");
    assert_eq!((bulk.inserted, bulk.changed_ids.len()), (1_203, 1_203));
    assert_eq!(db.import(&many).await.expect("bulk again").unchanged, 1_203);
    let twice = [record("dup", "snu", "First"), record("dup", "snu", "Second")];
    let twice_summary = db.import(&twice).await.expect("twice");
    assert_eq!((twice_summary.inserted, twice_summary.updated), (1, 1));
    let dup = db.opening(twice_summary.changed_ids[0]).await.expect("read").expect("exists");
    assert_eq!(dup.record.title[&model::Lang::En], "Second");
    // Pages of the catalogue cover every opening once.
    let mut after = 0;
    let mut paged = 0;
    while let Some(page) = db.published_after(after, 500).await.expect("page") {
        after = page.last_id;
        paged += page.openings.len();
    }
    assert_eq!(paged, 2 + 1_203 + 1);
    db.ping().await.expect("ping");
}

async fn check_account_behaviour(db: &Db) {
    use chrono::{Duration, TimeZone, Utc};
    use db::{Mail, NewAccount, TokenPurpose};
    use model::Lang;
    use model::account::Role;

    let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).single().expect("time").fixed_offset();
    let new = |email| NewAccount {
        email,
        password_hash: "$argon2id$stub",
        display_name: "Kim Minji",
        lang: Lang::Ko,
        role: Role::Researcher,
        email_confirmed: false,
    };
    let kim = db.create_account(new("kim@kaist.ac.kr"), now).await.expect("create");
    assert_eq!((kim.lang, kim.role, kim.email_confirmed), (Lang::Ko, Role::Researcher, false));
    assert!(matches!(db.create_account(new("kim@kaist.ac.kr"), now).await, Err(DbError::Taken)));
    assert_eq!(db.account_by_email("kim@kaist.ac.kr").await.expect("read").map(|a| a.id), Some(kim.id));

    // Sessions end when they expire, and all at once when the password changes.
    let later = now + Duration::days(30);
    db.start_session("s1", kim.id, now, later).await.expect("session");
    assert_eq!(db.session_account("s1", now).await.expect("read").map(|a| a.id), Some(kim.id));
    assert!(db.session_account("s1", later).await.expect("read").is_none(), "expired");
    assert!(db.session_account("unknown", now).await.expect("read").is_none());
    db.set_password(kim.id, "$argon2id$other").await.expect("password");
    assert!(db.session_account("s1", now).await.expect("read").is_none(), "ended by the new password");

    // A token is spent once, for its purpose, before it expires.
    let hour = now + Duration::hours(1);
    db.issue_token("t1", kim.id, TokenPurpose::ConfirmEmail, now, hour).await.expect("token");
    assert_eq!(db.spend_token("t1", TokenPurpose::ResetPassword, now).await.expect("spend"), None);
    assert_eq!(db.spend_token("t1", TokenPurpose::ConfirmEmail, hour).await.expect("spend"), None);
    assert_eq!(db.spend_token("t1", TokenPurpose::ConfirmEmail, now).await.expect("spend"), Some(kim.id));
    assert_eq!(db.spend_token("t1", TokenPurpose::ConfirmEmail, now).await.expect("spend"), None, "spent");
    db.confirm_email(kim.id, now).await.expect("confirm");
    db.set_account_lang(kim.id, Lang::Fr).await.expect("lang");
    let kim = db.account(kim.id).await.expect("read").expect("exists");
    assert_eq!((kim.email_confirmed, kim.lang), (true, Lang::Fr));

    // The outbox: queued, tried, sent.
    let mail = Mail {
        recipient: kim.email.clone(),
        lang: Lang::Ko,
        subject: "제목".into(),
        body: "본문".into(),
        unsubscribe: None,
    };
    let id = db.queue_mail(&mail, now).await.expect("queue");
    db.mail_attempted(id, now, Some("connection refused")).await.expect("attempt");
    let unsent = db.unsent_mail(5, 10).await.expect("unsent");
    assert_eq!((unsent.len(), unsent[0].attempts, unsent[0].mail.clone()), (1, 1, mail));
    db.mail_attempted(id, now, None).await.expect("sent");
    assert!(db.unsent_mail(5, 10).await.expect("unsent").is_empty());
    assert!(db.outbox(Some("kim@kaist.ac.kr"), 10).await.expect("outbox")[0].sent_at.is_some());
    assert_eq!(db.forget_expired(later).await.expect("forget"), 1, "the spent token's row");

    // Memberships by domain, verification, the overview's counts and the audit log.
    use model::account::{AuditAction, InstitutionRole};
    let kaist = db
        .institutions_of_domains(&["cs.kaist.example.org", "kaist.example.org", "example.org"])
        .await
        .expect("by domain");
    assert_eq!(kaist.iter().map(|i| i.slug.as_str()).collect::<Vec<_>>(), ["kaist"]);
    let id = db.join_institution(kim.id, "kaist", InstitutionRole::Member, now).await.expect("join");
    assert!(id.is_some());
    assert_eq!(db.join_institution(kim.id, "kaist", InstitutionRole::Member, now).await.expect("again"), id);
    assert_eq!(db.join_institution(kim.id, "nowhere", InstitutionRole::Member, now).await.expect("none"), None);
    assert!(db.set_member_role(kim.id, "kaist", InstitutionRole::Admin).await.expect("promote"));
    assert!(!db.set_member_role(kim.id, "snu", InstitutionRole::Admin).await.expect("not a member"));
    assert_eq!(db.memberships_of(kim.id).await.expect("memberships")[0].role, InstitutionRole::Admin);
    assert!(db.verify_institution("kaist", now).await.expect("verify").is_some());
    let overview = db.institutions_overview().await.expect("overview");
    let kaist = overview.iter().find(|i| i.institution.slug == "kaist").expect("kaist listed");
    assert!(kaist.institution.verified);
    assert_eq!((kaist.members, kaist.openings), (1, 2));
    for action in [AuditAction::MemberJoined, AuditAction::InstitutionVerified] {
        let record =
            db::AuditRecord { actor: Some(kim.id), action, target_kind: "institution", target_id: 1, detail: "d" };
        db.record_audit(record, now).await.expect("audit");
    }
    let log = db.audit_log(None, None, 10).await.expect("log");
    assert_eq!(log.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["institution_verified", "member_joined"]);
    assert_eq!(log[0].actor.as_deref(), Some("kim@kaist.ac.kr"));
    assert_eq!(db.audit_log(Some(AuditAction::MemberJoined), None, 10).await.expect("by action").len(), 1);
    assert!(db.audit_log(None, Some("nobody@example.org"), 10).await.expect("by actor").is_empty());
}

/// Postings: stored in every state, an edit kept beside the published version (JSON), the
/// moderation queue, decisions and their "seen" mark.
async fn check_posting_behaviour(db: &Db) {
    use model::account::{InstitutionRole, Role};
    use model::posting::{PostingStatus, RejectReason};
    let now = chrono::Utc::now().fixed_offset();
    let hash = "x";
    let new = db::NewAccount {
        email: "poster@kaist.ac.kr",
        password_hash: hash,
        display_name: "Poster",
        lang: model::Lang::Ko,
        role: Role::Researcher,
        email_confirmed: true,
    };
    let poster = db.create_account(new, now).await.expect("account").id;
    db.join_institution(poster, "kaist", InstitutionRole::Member, now).await.expect("join");
    let (institution, _) = db.institution_record("kaist").await.expect("read").expect("kaist");
    let record = model::record::OpeningRecord { institution, ..record("passerelle-1", "kaist", "Quantum sensing") };
    let new = db::NewPosting { record: &record, created_by: poster, status: PostingStatus::Pending };
    let id = db.create_posting(new, now).await.expect("create").expect("kaist exists");
    assert!(db.opening(id).await.expect("read").is_none(), "not public while pending");
    let queue = db.review_queue(10).await.expect("queue");
    assert_eq!(
        (queue.len(), queue[0].id, queue[0].is_edit, queue[0].poster.as_str()),
        (1, id, false, "poster@kaist.ac.kr")
    );

    let published = db.transition(id, &[PostingStatus::Pending], PostingStatus::Published, false);
    assert!(published.await.expect("publish"));
    assert!(
        !db.transition(id, &[PostingStatus::Pending], PostingStatus::Rejected, false).await.expect("reject"),
        "a decision on what was decided already changes nothing"
    );
    assert!(db.opening(id).await.expect("read").is_some());
    let mut edit = record.clone();
    edit.title.insert(model::Lang::Fr, "Capteurs quantiques".into());
    db.save_revision(id, Some((&edit, PostingStatus::Pending)), now).await.expect("revision");
    let posting = db.posting(id).await.expect("read").expect("posting");
    assert_eq!(posting.revision, Some((edit.clone(), PostingStatus::Pending)));
    assert_eq!(posting.record, record, "readers keep the published version");
    assert!(db.review_queue(10).await.expect("queue")[0].is_edit);
    db.save_posting(id, &edit, PostingStatus::Published, now).await.expect("apply the edit");
    let posting = db.posting(id).await.expect("read").expect("posting");
    assert_eq!((posting.record, posting.revision), (edit, None));
    assert!(db.review_queue(10).await.expect("queue").is_empty());
    assert_eq!(
        db.postings_of(&["kaist".to_string()], &[], 0).await.expect("list").len(),
        1,
        "imported openings are not listed"
    );
    assert_eq!(db.postings_of(&[], &["kaist".to_string()], poster).await.expect("list").len(), 1, "their own");
    assert!(db.postings_of(&[], &["kaist".to_string()], poster + 1).await.expect("list").is_empty(), "others'");

    let decision = db::NewDecision {
        opening_id: id,
        poster_id: poster,
        decided_by: poster,
        reason: Some(RejectReason::Duplicate),
        note: "n",
    };
    db.record_decision(decision, now).await.expect("decision");
    assert_eq!(db.unseen_decisions(poster).await.expect("count"), 1);
    db.mark_decisions_seen(poster, now).await.expect("seen");
    assert_eq!(db.unseen_decisions(poster).await.expect("count"), 0);
    let decisions = db.decisions(Some(id), None, 10).await.expect("decisions");
    assert_eq!((decisions[0].reason.as_deref(), decisions[0].seen), (Some("duplicate"), true));
    let open = [PostingStatus::Published];
    assert!(db.transition(id, &open, PostingStatus::Closed, false).await.expect("close"));
    assert!(db.opening(id).await.expect("read").is_none());

    // An unfinished posting: saved over while it is its author's, as typed, theirs alone.
    let typed = vec![("title_ko".to_string(), "양자".to_string()), ("fields".to_string(), "1.3".to_string())];
    let draft = db.add_unfinished(poster, "kaist", &typed[..1], now).await.expect("save").expect("kaist");
    assert!(db.replace_unfinished(poster, draft, "kaist", &typed, now).await.expect("again"));
    assert!(!db.replace_unfinished(poster + 1, draft, "kaist", &[], now).await.expect("another's"), "not theirs");
    let kept = db.unfinished(poster, draft).await.expect("read").expect("kept");
    assert_eq!((kept.fields, kept.institution.slug.as_str()), (typed, "kaist"));
    assert!(db.unfinished(poster + 1, draft).await.expect("read").is_none());
    assert_eq!(db.unfinished_of(poster).await.expect("list").len(), 1);
    assert!(db.discard_unfinished(poster, draft).await.expect("discard"));
    assert_eq!(db.count_unfinished(poster).await.expect("count"), 0);
}

/// What several processes share: the change log in commit order, transactions that commit
/// whole or not at all, rate-limit counts, and e-mails claimed by one sender.
async fn check_shared_state(db: &Db) {
    let now = chrono::Utc::now().fixed_offset();
    let head = db.log_head().await.expect("head");
    let first = db.log_changes(&[1, 2], now).await.expect("log");
    assert!(first > head.latest);
    let tx = db.begin().await.expect("begin");
    let second = tx.log_changes(&[3], now).await.expect("log");
    tx.commit().await.expect("commit");
    assert!(second > first);
    let dropped = db.begin().await.expect("begin");
    dropped.log_changes(&[4], now).await.expect("log");
    drop(dropped);
    let changes = db.changes_after(head.latest, 100).await.expect("changes");
    let ids: Vec<i64> = changes.iter().map(|change| change.opening_id).collect();
    assert_eq!(ids, vec![1, 2, 3], "a dropped transaction leaves nothing in the log");
    assert_eq!(db.log_head().await.expect("head").latest, second);
    db.report_indexer("test-server", second, now).await.expect("report");
    db.report_indexer("test-server", second, now).await.expect("report again");
    assert_eq!(db.prune_change_log(now).await.expect("prune"), 0, "recent changes are kept an hour");
    let later = now + chrono::Duration::hours(2);
    db.report_indexer("test-server", second, later).await.expect("report");
    assert!(db.prune_change_log(later).await.expect("prune") >= 3, "applied by every server");
    assert!(db.changes_after(0, 100).await.expect("changes").is_empty());
    let head = db.log_head().await.expect("head");
    assert_eq!((head.pruned_through, head.latest), (second, second));

    let since = now - chrono::Duration::minutes(15);
    for _ in 0..3 {
        db.count_attempt("login:x", now).await.expect("count");
    }
    assert_eq!(db.attempts_since("login:x", since).await.expect("attempts"), 3);
    assert_eq!(db.attempts_since("login:y", since).await.expect("attempts"), 0);
    db.forget_attempts("login:x").await.expect("forget");
    assert_eq!(db.attempts_since("login:x", since).await.expect("attempts"), 0);

    let mail = db::Mail {
        recipient: "a@b.c".into(),
        lang: model::Lang::En,
        subject: "s".into(),
        body: "b".into(),
        unsubscribe: None,
    };
    let id = db.queue_mail(&mail, now).await.expect("queue");
    let lease = chrono::Duration::minutes(5);
    assert!(db.claim_mail(id, now, lease).await.expect("claim"));
    assert!(!db.claim_mail(id, now, lease).await.expect("claim"), "one sender at a time");
    assert!(db.claim_mail(id, now + chrono::Duration::minutes(6), lease).await.expect("claim"), "a dead sender's mail");
}

/// Matching rounds: rankings replace one another while the round is open and are refused once
/// it is solved; solving, publishing, the anonymised publication and the reminder each happen
/// once, whoever asks first.
async fn check_round_behaviour(db: &Db) {
    use db::{NewAccount, NewRound, Only, Side};
    use model::Lang;

    let now = chrono::Utc::now().fixed_offset();
    let opening = db.import(&[record("round-1", "kaist", "A round's opening")]).await.expect("import").changed_ids[0];
    let new = NewAccount {
        email: "round@example.org",
        password_hash: "$argon2id$stub",
        display_name: "Researcher",
        lang: Lang::Fr,
        role: model::account::Role::Researcher,
        email_confirmed: true,
    };
    let researcher = db.create_account(new, now).await.expect("account").id;
    let name = model::Texts::from([(Lang::En, "Round".to_string())]);
    let hour = chrono::Duration::hours(1);
    let new_round = NewRound {
        name: &name,
        institution_id: None,
        created_by: researcher,
        applications_close: now,
        rankings_close: now + hour,
        results_at: now + hour,
        max_ranking: 5,
        scramble_of: None,
        openings: &[(opening, 2)],
    };
    let id = db.create_round(new_round, now).await.expect("round");
    assert_eq!(db.round(id).await.expect("read").expect("exists").name, name);
    let tx = db.begin().await.expect("begin");
    assert!(tx.hold_open_round(id, now).await.expect("hold"));
    tx.set_ranking(id, Side::Researcher, researcher, &[opening], now).await.expect("rank");
    tx.set_ranking(id, Side::Opening, opening, &[researcher], now).await.expect("rank");
    tx.commit().await.expect("commit");
    db.set_ranking(id, Side::Researcher, researcher, &[opening], now).await.expect("again");
    assert_eq!(
        db.round_rankings(id, Side::Researcher, Only::All).await.expect("read"),
        vec![(researcher, vec![opening])]
    );
    assert_eq!(db.round_rankings(id, Side::Opening, Only::All).await.expect("read"), vec![(opening, vec![researcher])]);
    assert!(db.round_openings(id).await.expect("read")[0].ranked_at.is_some());
    assert!(!db.hold_open_round(id, now + hour).await.expect("hold"), "the rankings have closed");

    assert_eq!(db.rounds_due(now + hour).await.expect("due").len(), 1);
    assert!(db.mark_solved(id, now).await.expect("solve"));
    assert!(!db.mark_solved(id, now).await.expect("solve"), "solved once");
    assert!(!db.hold_open_round(id, now).await.expect("hold"), "no ranking after the solve");
    db.set_results(id, &[(researcher, Some(opening), "token-123456".to_string())]).await.expect("result");
    let participant = &db.round_participants(id, Only::All).await.expect("read")[0];
    assert_eq!((participant.opening_id, participant.token.as_deref()), (Some(opening), Some("token-123456")));
    assert!(participant.ranked_at.is_some(), "the result keeps when they ranked");
    assert_eq!(db.round_filled(id).await.expect("filled"), vec![(opening, 1)]);
    let involving = |only| db.round_rankings(id, Side::Researcher, only);
    assert_eq!(involving(Only::Opening(opening)).await.expect("read"), vec![(researcher, vec![opening])]);
    assert!(involving(Only::Account(researcher + 1)).await.expect("read").is_empty());
    assert_eq!(db.round_participants(id, Only::Opening(opening)).await.expect("read").len(), 1);
    assert!(!db.set_anonymised(id, "{}").await.expect("anonymise"), "not before the results");
    assert!(db.mark_published(id, now).await.expect("publish"));
    assert!(!db.mark_published(id, now).await.expect("publish"), "published once");
    assert!(db.set_anonymised(id, "{}").await.expect("anonymise"));
    assert!(!db.set_anonymised(id, "{\"other\": 1}").await.expect("anonymise"), "never changed");
    assert!(db.claim_round_reminder(id, now).await.expect("claim"));
    assert!(!db.claim_round_reminder(id, now).await.expect("claim"), "reminded once");
    assert!(db.rounds_due(now + hour).await.expect("due").is_empty());
}

#[tokio::test]
async fn sqlite_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("test.db").display());
    let db = Db::connect(&url).await.expect("connect");
    assert_eq!(db.backend_name(), "sqlite");
    check_catalogue_behaviour(&db).await;
    check_account_behaviour(&db).await;
    check_posting_behaviour(&db).await;
    check_shared_state(&db).await;
    check_round_behaviour(&db).await;
}

#[tokio::test]
async fn postgresql_server() {
    let Ok(admin_url) = std::env::var("PASSERELLE_TEST_POSTGRES_URL") else {
        assert!(
            std::env::var("PASSERELLE_REQUIRE_POSTGRES").is_err(),
            "PASSERELLE_REQUIRE_POSTGRES is set but PASSERELLE_TEST_POSTGRES_URL is not"
        );
        eprintln!("skipped: PASSERELLE_TEST_POSTGRES_URL is not set (scripts/test.sh sets it)");
        return;
    };
    // A database of its own, so that runs never see each other's rows.
    let name = format!("passerelle_test_{}", std::process::id());
    let admin = Database::connect(&admin_url).await.expect("connect to PostgreSQL");
    admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name}")).await.expect("drop");
    admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.expect("create");
    let url = match admin_url.rsplit_once('/') {
        Some((server, _)) => format!("{server}/{name}"),
        None => panic!("unexpected URL {admin_url}"),
    };
    let db = Db::connect(&url).await.expect("connect");
    assert_eq!(db.backend_name(), "postgres");
    check_catalogue_behaviour(&db).await;
    check_account_behaviour(&db).await;
    check_posting_behaviour(&db).await;
    check_shared_state(&db).await;
    check_round_behaviour(&db).await;
}
