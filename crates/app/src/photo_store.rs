//! Where portraits live: an `object_store` backend, a local directory by default. Photos are never served
//! from here directly; the API checks who asks.

use std::sync::Arc;

use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};

use crate::error::AppError;

#[derive(Clone)]
pub struct PhotoStore {
    store: Arc<dyn ObjectStore>,
}

impl PhotoStore {
    /// `s3://bucket[/prefix]` (S3 or any S3-compatible service; endpoint, credentials and region from the
    /// usual `AWS_*` variables, `AWS_ENDPOINT` and `AWS_ALLOW_HTTP=true` for e.g. MinIO), `file:///abs/dir`,
    /// or a plain directory path.
    pub fn from_url(url: &str) -> Result<Self, String> {
        if let Some(rest) = url.strip_prefix("s3://") {
            // ring for every TLS connection in the process; a second install is harmless.
            let _ = rustls::crypto::ring::default_provider().install_default();
            let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
            let s3 = object_store::aws::AmazonS3Builder::from_env().with_bucket_name(bucket).build().map_err(|e| e.to_string())?;
            let store: Arc<dyn ObjectStore> =
                if prefix.is_empty() { Arc::new(s3) } else { Arc::new(object_store::prefix::PrefixStore::new(s3, prefix)) };
            return Ok(Self { store });
        }
        let dir = url.strip_prefix("file://").unwrap_or(url);
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {dir}: {e}"))?;
        let fs = object_store::local::LocalFileSystem::new_with_prefix(dir).map_err(|e| e.to_string())?;
        Ok(Self { store: Arc::new(fs) })
    }

    /// Content-addressed: the same portrait is stored once.
    pub fn key_for(sha256: &str) -> String {
        format!("photos/{sha256}.jpg")
    }

    pub async fn put(&self, key: &str, bytes: Vec<u8>) -> Result<(), AppError> {
        self.store.put(&Path::from(key), PutPayload::from(bytes)).await.map_err(|e| AppError::Unavailable(format!("photo store: {e}")))?;
        Ok(())
    }

    pub async fn get(&self, key: &str) -> Result<bytes::Bytes, AppError> {
        let res = self.store.get(&Path::from(key)).await.map_err(|e| match e {
            object_store::Error::NotFound { .. } => AppError::NotFound,
            other => AppError::Unavailable(format!("photo store: {other}")),
        })?;
        res.bytes().await.map_err(|e| AppError::Unavailable(format!("photo store: {e}")))
    }
}
