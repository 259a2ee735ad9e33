mod accounts;
mod admin;
mod pipeline;
mod tickets;

use async_graphql::MergedObject;

#[derive(MergedObject, Default)]
pub struct Mutation(
    accounts::AccountMutation,
    tickets::TicketMutation,
    admin::AdminMutation,
    pipeline::PipelineMutation,
);
