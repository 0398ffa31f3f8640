//! Queued e-mail goes out over SMTP (lettre talking to a small SMTP server in this test), is
//! marked sent, and a refused message stays queued with the server's answer.

use std::sync::{Arc, Mutex};

use db::{Db, Mail};
use lettre::{AsyncSmtpTransport, Tokio1Executor};
use model::Lang;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// Accepts SMTP sessions on a local port and records what each DATA carried; `refuse` makes it
/// reject every recipient.
async fn smtp_server(refuse: bool) -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let received = Arc::new(Mutex::new(Vec::new()));
    let store = Arc::clone(&received);
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let store = Arc::clone(&store);
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 test ESMTP\r\n").await;
                let mut in_data = false;
                let mut message = String::new();
                while let Ok(Some(line)) = lines.next_line().await {
                    if in_data {
                        if line == "." {
                            in_data = false;
                            store.lock().expect("lock").push(std::mem::take(&mut message));
                            let _ = write.write_all(b"250 queued\r\n").await;
                        } else {
                            message.push_str(&line);
                            message.push('\n');
                        }
                        continue;
                    }
                    let command = line.to_ascii_uppercase();
                    let answer: &[u8] = if command.starts_with("EHLO") || command.starts_with("HELO") {
                        b"250 test\r\n"
                    } else if command.starts_with("RCPT") && refuse {
                        b"550 no such mailbox\r\n"
                    } else if command.starts_with("MAIL") || command.starts_with("RCPT") || command.starts_with("RSET")
                    {
                        b"250 ok\r\n"
                    } else if command.starts_with("DATA") {
                        in_data = true;
                        b"354 go on\r\n"
                    } else if command.starts_with("QUIT") {
                        let _ = write.write_all(b"221 bye\r\n").await;
                        break;
                    } else {
                        b"250 ok\r\n"
                    };
                    let _ = write.write_all(answer).await;
                }
            });
        }
    });
    (port, received)
}

/// A database with its outbox, and the catalogue (without an index) that sends it.
async fn db() -> (tempfile::TempDir, Db, catalog::Catalog) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("mail.db").display());
    let catalog = catalog::Catalog::connect(&url).await.expect("catalog");
    catalog.migrate().await.expect("migrate");
    (dir, Db::connect(&url).await.expect("db"), catalog)
}

fn korean_mail() -> Mail {
    Mail {
        recipient: "kim@kaist.ac.kr".into(),
        lang: Lang::Ko,
        subject: "Passerelle 이메일 주소를 확인해 주세요".into(),
        body: "김민지 님, 안녕하세요.\n\nhttps://passerelle.example/ko/confirm?token=abc".into(),
        unsubscribe: None,
    }
}

#[tokio::test]
async fn queued_mail_is_sent_over_smtp_and_marked_sent() {
    let (_dir, db, catalog) = db().await;
    let (port, received) = smtp_server(false).await;
    let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous("127.0.0.1").port(port).build();
    db.queue_mail(&korean_mail(), chrono::Utc::now().fixed_offset()).await.expect("queue");

    let sent = server::auth::mail::deliver_pending(&catalog, &transport, "Passerelle <noreply@passerelle.example>")
        .await
        .expect("deliver");
    assert_eq!(sent, 1);
    let messages = received.lock().expect("lock").clone();
    assert_eq!(messages.len(), 1);
    assert!(messages[0].contains("To: kim@kaist.ac.kr"), "{}", messages[0]);
    assert!(messages[0].contains("From: Passerelle <noreply@passerelle.example>"));
    assert!(messages[0].contains("Content-Type: text/plain; charset=utf-8"));
    assert!(db.unsent_mail(5, 10).await.expect("unsent").is_empty(), "marked sent");
    // Nothing is sent twice.
    assert_eq!(
        server::auth::mail::deliver_pending(&catalog, &transport, "noreply@passerelle.example").await.expect("again"),
        0
    );
}

#[tokio::test]
async fn a_digest_offers_one_click_unsubscribe_in_its_headers() {
    let (_dir, db, catalog) = db().await;
    let (port, received) = smtp_server(false).await;
    let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous("127.0.0.1").port(port).build();
    let url = "https://passerelle.example/ko/alerts/unsubscribe/abc";
    let digest = Mail { unsubscribe: Some(url.into()), ..korean_mail() };
    db.queue_mail(&digest, chrono::Utc::now().fixed_offset()).await.expect("queue");
    server::auth::mail::deliver_pending(&catalog, &transport, "noreply@passerelle.example").await.expect("deliver");
    let message = received.lock().expect("lock")[0].clone();
    assert!(message.contains(&format!("List-Unsubscribe: <{url}>")), "{message}");
    assert!(message.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"), "{message}");
}

#[tokio::test]
async fn refused_mail_stays_queued_with_the_reason() {
    let (_dir, db, catalog) = db().await;
    let (port, received) = smtp_server(true).await;
    let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous("127.0.0.1").port(port).build();
    db.queue_mail(&korean_mail(), chrono::Utc::now().fixed_offset()).await.expect("queue");
    let sent =
        server::auth::mail::deliver_pending(&catalog, &transport, "noreply@passerelle.example").await.expect("run");
    assert_eq!(sent, 0);
    assert!(received.lock().expect("lock").is_empty());
    let unsent = db.unsent_mail(5, 10).await.expect("unsent");
    assert_eq!((unsent.len(), unsent[0].attempts), (1, 1), "still queued, one attempt counted");
}
