//! Persistence: the pool, migrations, Diesel models and their queries.

pub mod models;
pub mod schema;
mod setup;
mod statement_counter;
pub(crate) mod text_enum;
pub mod ticket_writer;

pub use setup::{connect_pool, ensure_database, run_migrations};
pub use statement_counter::StatementCounter;

use diesel_async::AsyncPgConnection;
use diesel_async::pooled_connection::deadpool::{Object, Pool};

pub type DbPool = Pool<AsyncPgConnection>;
pub type DbConn = Object<AsyncPgConnection>;
