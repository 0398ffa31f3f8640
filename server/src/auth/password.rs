//! Password hashing with argon2id (the crate's defaults: 19 MiB, 2 passes, OWASP's minimum).
//!
//! Hashing is slow and memory-hungry on purpose, so the server hashes on a few threads of its
//! own ([`HASHING_THREADS`]), each reusing one working area: the memory is taken once and stays
//! bounded however many people sign in at once. (Hashing on the async runtime's blocking pool
//! instead let each thread's allocator keep its own freed 19 MiB: 30 failed sign-ins at once
//! took a server from 100 MB to 600 MB resident, for good.) Requests wait for a turn, and are
//! answered "busy, try again" after [`WAIT_FOR_TURN`].

use std::sync::mpsc;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use password_hash::rand_core::OsRng;
use subtle::ConstantTimeEq;
use tokio::sync::{Semaphore, oneshot};

use crate::ServerError;

/// Hashes computed at once at most, each on its own thread with its own 19 MiB.
pub const HASHING_THREADS: usize = 4;
/// How long a sign-in waits for a turn before the server answers that it is busy.
const WAIT_FOR_TURN: Duration = Duration::from_secs(5);

static TURNS: Semaphore = Semaphore::const_new(HASHING_THREADS);

enum Job {
    Hash(String),
    /// The password typed, and the stored hash (`None`: no such account).
    Verify(String, Option<String>),
}

enum Answer {
    Hashed(Result<String, String>),
    Verified(bool),
}

type Request = (Job, oneshot::Sender<Answer>);

/// The hashing threads' queue (started on first use).
static POOL: LazyLock<mpsc::Sender<Request>> = LazyLock::new(|| {
    let (sender, receiver) = mpsc::channel::<Request>();
    let receiver = Arc::new(Mutex::new(receiver));
    for n in 0..HASHING_THREADS {
        let receiver = Arc::clone(&receiver);
        let spawned = std::thread::Builder::new().name(format!("argon2-{n}")).spawn(move || {
            let mut memory = Vec::new();
            loop {
                let next = receiver.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).recv();
                let Ok((job, reply)) = next else { return };
                let answer = match job {
                    Job::Hash(password) => Answer::Hashed(hash_with(&mut memory, &password)),
                    Job::Verify(password, stored) => Answer::Verified(verify_with(&mut memory, &password, stored)),
                };
                let _ = reply.send(answer);
            }
        });
        if let Err(err) = spawned {
            tracing::error!(error = %err, "a password hashing thread could not start");
        }
    }
    sender
});

/// Runs `job` on a hashing thread when a turn comes; [`ServerError::Busy`] when none came in time.
async fn run(job: Job) -> Result<Answer, ServerError> {
    let turn = tokio::time::timeout(WAIT_FOR_TURN, TURNS.acquire()).await;
    let Ok(Ok(_turn)) = turn else { return Err(ServerError::Busy) };
    let (reply, answer) = oneshot::channel();
    POOL.send((job, reply)).map_err(|_| ServerError::Password("no hashing thread".into()))?;
    answer.await.map_err(|_| ServerError::Password("a hashing thread stopped".into()))
}

/// The argon2id hash of `password`, in PHC form, computed on a hashing thread.
pub async fn hash(password: String) -> Result<String, ServerError> {
    match run(Job::Hash(password)).await? {
        Answer::Hashed(hashed) => hashed.map_err(ServerError::Password),
        Answer::Verified(_) => Err(ServerError::Password("unexpected answer".into())),
    }
}

/// Whether `password` matches `stored`, computed on a hashing thread. With no stored hash (no
/// such account) the same work is done against a fixed hash, so that timing does not tell which
/// addresses have accounts.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, ServerError> {
    match run(Job::Verify(password, stored)).await? {
        Answer::Verified(matches) => Ok(matches),
        Answer::Hashed(_) => Err(ServerError::Password("unexpected answer".into())),
    }
}

/// The hash of `password` computed here and now (the CLI, tests).
pub fn hash_password(password: &str) -> Result<String, ServerError> {
    hash_with(&mut Vec::new(), password).map_err(ServerError::Password)
}

/// `password` hashed with the default parameters and a new salt, in `memory`.
fn hash_with(memory: &mut Vec<Block>, password: &str) -> Result<String, String> {
    let salt = SaltString::generate(&mut OsRng);
    let params = Params::default();
    let mut salt_bytes = [0_u8; 64];
    let salt_bytes = salt.as_salt().decode_b64(&mut salt_bytes).map_err(|err| err.to_string())?;
    let mut out = [0_u8; Params::DEFAULT_OUTPUT_LEN];
    compute(memory, Algorithm::Argon2id, Version::default(), &params, password, salt_bytes, &mut out)?;
    let hash = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::default().into()),
        params: ParamsString::try_from(&params).map_err(|err| err.to_string())?,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(&out).map_err(|err| err.to_string())?),
    };
    Ok(hash.to_string())
}

/// Whether `password` matches the PHC hash `stored` (see [`verify`]).
fn verify_with(memory: &mut Vec<Block>, password: &str, stored: Option<String>) -> bool {
    static UNKNOWN: LazyLock<String> =
        LazyLock::new(|| hash_password("no account has this password").unwrap_or_default());
    let known = stored.is_some();
    let stored = stored.unwrap_or_else(|| UNKNOWN.clone());
    let Ok(parsed) = PasswordHash::new(&stored) else { return false };
    let (Ok(params), Ok(algorithm), Some(expected), Some(salt)) =
        (Params::try_from(&parsed), Algorithm::try_from(parsed.algorithm), parsed.hash, parsed.salt)
    else {
        return false;
    };
    let version = parsed.version.map_or(Ok(Version::default()), Version::try_from).unwrap_or_default();
    let mut salt_bytes = [0_u8; 64];
    let Ok(salt_bytes) = salt.decode_b64(&mut salt_bytes) else { return false };
    let mut out = vec![0_u8; expected.len()];
    let computed = compute(memory, algorithm, version, &params, password, salt_bytes, &mut out);
    computed.is_ok() && bool::from(out.ct_eq(expected.as_bytes())) && known
}

/// Argon2 in `memory`, grown once to what the parameters need and reused afterwards.
fn compute(
    memory: &mut Vec<Block>,
    algorithm: Algorithm,
    version: Version,
    params: &Params,
    password: &str,
    salt: &[u8],
    out: &mut [u8],
) -> Result<(), String> {
    if memory.len() < params.block_count() {
        memory.resize(params.block_count(), Block::default());
    }
    let argon2 = Argon2::new(algorithm, version, params.clone());
    argon2
        .hash_password_into_with_memory(password.as_bytes(), salt, out, &mut memory[..params.block_count()])
        .map_err(|err| err.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::PasswordVerifier;

    #[tokio::test]
    async fn argon2id_hashes_verify_and_differ_by_salt() {
        let hash = hash("correct horse battery".into()).await.expect("hash");
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert_ne!(hash, hash_password("correct horse battery").expect("hash"));
        assert!(verify("correct horse battery".into(), Some(hash.clone())).await.expect("verify"));
        assert!(!verify("wrong horse battery".into(), Some(hash.clone())).await.expect("verify"));
        assert!(!verify("correct horse battery".into(), None).await.expect("verify"));
        assert!(!verify("x".into(), Some("not a hash".into())).await.expect("verify"));
        // The same PHC string the argon2 crate writes and reads.
        let parsed = PasswordHash::new(&hash).expect("PHC");
        assert!(Argon2::default().verify_password(b"correct horse battery", &parsed).is_ok());
        let by_the_crate = {
            use argon2::PasswordHasher;
            let salt = SaltString::generate(&mut OsRng);
            Argon2::default().hash_password(b"another one", &salt).expect("hash").to_string()
        };
        assert!(verify("another one".into(), Some(by_the_crate)).await.expect("verify"));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn many_sign_ins_at_once_wait_their_turn() {
        let attempts: Vec<_> = (0..20).map(|n| tokio::spawn(verify(format!("guess {n}"), None))).collect();
        for attempt in attempts {
            assert!(!attempt.await.expect("join").expect("a turn came"));
        }
    }
}
