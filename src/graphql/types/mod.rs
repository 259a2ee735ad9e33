pub mod auth;
pub mod category;
pub mod event;
pub mod inputs;
pub mod pipeline;
pub mod ticket;
pub mod ticket_connection;
pub mod user;
