//! Settings, read once from the environment at start and passed down.

use std::net::SocketAddr;
use std::path::PathBuf;

use crate::ServerError;

#[derive(Debug, Clone)]
pub struct Config {
    /// `PASSERELLE_DATA_DIR`: the SQLite database and the index live here.
    pub data_dir: PathBuf,
    /// `DATABASE_URL`, else a SQLite file in the data directory.
    pub database_url: String,
    /// `PASSERELLE_ADDR`
    pub addr: SocketAddr,
    /// `PASSERELLE_SITE_ROOT`: where the browser bundle was built (`pkg/` inside).
    pub site_root: PathBuf,
    /// `PASSERELLE_PUBLIC_URL`: the origin used in canonical links and e-mailed links; defaults
    /// to `http://{addr}`. Cookies are marked `Secure` when it starts with `https://`.
    pub public_url: String,
    /// Whether `PASSERELLE_PUBLIC_URL` was set (rather than derived from the address).
    pub public_url_configured: bool,
    /// `PASSERELLE_TRUSTED_PROXIES`: reverse proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<crate::auth::client::TrustedProxy>,
    /// `PASSERELLE_SMTP_URL` and `PASSERELLE_MAIL_FROM`.
    pub mail: crate::auth::mail::MailSettings,
    /// `PASSERELLE_MODEL`: the embedding model's file for semantic matching (see
    /// [`Model`]).
    pub model: Model,
    /// `PASSERELLE_ALERT_HOUR`: the hour (UTC, 0–23) at which digests go out.
    pub alert_hour: u32,
}

/// Where the embedding model comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Model {
    /// `PASSERELLE_MODEL` unset: `models/multilingual-e5-small-q4.bin` when it exists (the
    /// setup scripts put it there), else searches match words alone.
    Default,
    /// `PASSERELLE_MODEL=PATH`: that file, which must load.
    File(PathBuf),
    /// `PASSERELLE_MODEL=off`.
    Off,
}

/// Where `scripts/lib.sh` puts the model, relative to the working directory.
pub const DEFAULT_MODEL_PATH: &str = "models/multilingual-e5-small-q4.bin";

impl Config {
    pub fn from_env() -> Result<Config, ServerError> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let data_dir = PathBuf::from(var("PASSERELLE_DATA_DIR").unwrap_or_else(|| "./data".to_string()));
        let addr_text = var("PASSERELLE_ADDR").unwrap_or_else(|| "127.0.0.1:3000".to_string());
        let addr = addr_text.parse().map_err(|e| ServerError::Config {
            name: "PASSERELLE_ADDR",
            reason: format!("'{addr_text}' is not host:port ({e})"),
        })?;
        let mut config =
            Config::new(data_dir, var("DATABASE_URL"), addr, var("PASSERELLE_SITE_ROOT"), var("PASSERELLE_PUBLIC_URL"));
        config.mail.smtp_url = var("PASSERELLE_SMTP_URL");
        if let Some(list) = var("PASSERELLE_TRUSTED_PROXIES") {
            config.trusted_proxies = crate::auth::client::parse_trusted(&list)
                .map_err(|reason| ServerError::Config { name: "PASSERELLE_TRUSTED_PROXIES", reason })?;
        }
        if let Some(from) = var("PASSERELLE_MAIL_FROM") {
            config.mail.from = from;
        }
        if let Some(hour) = var("PASSERELLE_ALERT_HOUR") {
            config.alert_hour =
                hour.trim().parse().ok().filter(|hour| *hour < 24).ok_or_else(|| ServerError::Config {
                    name: "PASSERELLE_ALERT_HOUR",
                    reason: format!("'{hour}' is not an hour from 0 to 23"),
                })?;
        }
        config.model = match var("PASSERELLE_MODEL") {
            None => Model::Default,
            Some(off) if off == "off" => Model::Off,
            Some(path) => Model::File(PathBuf::from(path)),
        };
        Ok(config)
    }

    pub fn new(
        data_dir: PathBuf,
        database_url: Option<String>,
        addr: SocketAddr,
        site_root: Option<String>,
        public_url: Option<String>,
    ) -> Config {
        let database_url =
            database_url.unwrap_or_else(|| format!("sqlite://{}?mode=rwc", data_dir.join("passerelle.db").display()));
        let public_url_configured = public_url.is_some();
        let public_url =
            public_url.map(|url| url.trim_end_matches('/').to_string()).unwrap_or_else(|| format!("http://{addr}"));
        let host = public_url
            .split_once("://")
            .map_or("localhost", |(_, rest)| rest.split([':', '/']).next().unwrap_or("localhost"));
        let mail = crate::auth::mail::MailSettings { smtp_url: None, from: format!("Passerelle <noreply@{host}>") };
        Config {
            database_url,
            addr,
            site_root: PathBuf::from(site_root.unwrap_or_else(|| "target/site".to_string())),
            public_url,
            public_url_configured,
            trusted_proxies: Vec::new(),
            mail,
            data_dir,
            model: Model::Off,
            alert_hour: catalog::DEFAULT_ALERT_HOUR,
        }
    }

    pub fn index_dir(&self) -> PathBuf {
        self.data_dir.join("index")
    }

    /// What the account handlers need, over the catalogue's database.
    pub fn auth(&self, catalog: &catalog::Catalog) -> crate::auth::Auth {
        crate::auth::Auth::new(catalog.clone(), self)
    }

    fn create_data_dir(&self) -> Result<(), ServerError> {
        std::fs::create_dir_all(&self.data_dir)
            .map_err(|source| ServerError::DataDir { path: self.data_dir.clone(), source })
    }

    /// What a server opens: the database (migrated) and this data directory's index, brought up
    /// to date and followed by its indexer.
    pub async fn open_catalog(&self) -> Result<catalog::Catalog, ServerError> {
        self.create_data_dir()?;
        let catalog = catalog::Catalog::open(&self.database_url, &self.index_dir()).await?;
        if let Some(encoder) = self.load_model()? {
            catalog.enable_semantic(encoder)?;
        }
        Ok(self.settle(catalog))
    }

    /// The catalogue with this configuration's links and alert hour.
    fn settle(&self, catalog: catalog::Catalog) -> catalog::Catalog {
        catalog.with_public_url(&self.public_url).with_alert_hour(self.alert_hour)
    }

    /// What `passerelle alerts send` opens: the database (migrated) and this data directory's
    /// index, brought up to date once (a server using it keeps writing it), searched by words
    /// and the vocabulary (the model stays with the servers).
    pub async fn alerts_catalog(&self) -> Result<catalog::Catalog, ServerError> {
        let catalog = self.write_catalog().await?;
        Ok(catalog.with_index_as_of_now(&self.index_dir()).await?)
    }

    /// The embedding model, when there is one to use. A model named by `PASSERELLE_MODEL` must
    /// load; the default one is used when present.
    pub fn load_model(&self) -> Result<Option<std::sync::Arc<search::Encoder>>, ServerError> {
        let path = match &self.model {
            Model::Off => return Ok(None),
            Model::File(path) => path.clone(),
            Model::Default if std::path::Path::new(DEFAULT_MODEL_PATH).exists() => PathBuf::from(DEFAULT_MODEL_PATH),
            Model::Default => {
                tracing::info!(
                    "no embedding model at {DEFAULT_MODEL_PATH} (scripts/demo.sh fetches it): searches match words and the research vocabulary alone"
                );
                return Ok(None);
            }
        };
        let encoder = search::Encoder::load(&path)
            .map_err(|err| ServerError::Config { name: "PASSERELLE_MODEL", reason: err.to_string() })?;
        tracing::info!(model = %path.display(), "semantic matching on");
        Ok(Some(std::sync::Arc::new(encoder)))
    }

    /// `passerelle reindex`: this data directory's index rebuilt from the database, once.
    pub async fn rebuild_index(&self) -> Result<u64, ServerError> {
        self.create_data_dir()?;
        Ok(catalog::Catalog::rebuild_index(&self.database_url, &self.index_dir()).await?)
    }

    /// What a command that writes opens: the database, migrated, without the index (servers
    /// index what it writes through the change log).
    pub async fn write_catalog(&self) -> Result<catalog::Catalog, ServerError> {
        self.create_data_dir()?;
        let catalog = catalog::Catalog::connect(&self.database_url).await?;
        catalog.migrate().await?;
        Ok(self.settle(catalog))
    }

    /// What a command that only reads opens: the database as it is, never migrated (a command
    /// run during a deploy must not change the schema under the running servers).
    pub async fn read_catalog(&self) -> Result<catalog::Catalog, ServerError> {
        let catalog = catalog::Catalog::connect(&self.database_url).await?;
        if catalog.needs_migration().await? {
            return Err(ServerError::Config {
                name: "DATABASE_URL",
                reason: "the database's schema is older than this passerelle (run `passerelle migrate`)".into(),
            });
        }
        Ok(self.settle(catalog))
    }
}
