//! Objects resolved without a future per stored field.
//!
//! async-graphql resolves every field of every object as its own boxed future, polled through a
//! `FuturesUnordered` and matched by name in the object's resolver; in a list of tickets that
//! machinery costs more than the rows themselves. An object whose fields are mostly stored
//! values (no arguments, no guard, nothing to await) answers those here in one pass and hands
//! only the others to its derived resolver, awaited together so that their loaders still batch
//! across a list. A selection this pass does not handle plainly (fragments, custom directives,
//! one response key used twice) goes through async-graphql's own resolution unchanged.

use async_graphql::indexmap::IndexMap;
use async_graphql::parser::types::{Field, Selection};
use async_graphql::resolver_utils::{ContainerType, resolve_container};
use async_graphql::{ContextSelectionSet, Name, Positioned, ServerResult, Value};
use futures::future::{BoxFuture, join_all};

/// What one selected field answers with.
enum Answer {
    Ready(Value),
    /// Resolved by the object's derived resolver, in selection order with the others.
    Resolved,
}

/// A selection split into what is answered at once and what its resolver answers.
struct Plan<'a> {
    /// Each selected field's response key and answer, in selection order.
    answers: Vec<(Name, Answer)>,
    /// The fields whose answer is `Resolved`, in the same order.
    to_resolve: Vec<&'a Positioned<Field>>,
}

/// Resolves `ctx`'s selection on `root`, answering each field `plain` knows (by its name)
/// directly.
///
/// `plain` must answer exactly what the field's resolver would: it is for fields without
/// arguments, guards or side effects.
pub async fn resolve_object<'a, T>(
    ctx: &ContextSelectionSet<'a>,
    root: &T,
    plain: impl Fn(&str) -> Option<Value>,
) -> ServerResult<Value>
where
    T: ContainerType + Sync,
{
    let Some(Plan {
        answers,
        to_resolve,
    }) = plan(ctx, root, &plain)
    else {
        return resolve_container(ctx, root).await;
    };

    let resolved = if to_resolve.is_empty() {
        Vec::new()
    } else {
        resolve_fields(ctx, root, to_resolve).await
    };

    let mut resolved = resolved.into_iter();
    let mut object = IndexMap::with_capacity(answers.len());
    for (key, answer) in answers {
        let value = match answer {
            Answer::Ready(value) => value,
            Answer::Resolved => match resolved.next() {
                Some(Ok(value)) => value.unwrap_or_default(),
                Some(Err(error)) => {
                    // As async-graphql does: the error is reported and the key left out.
                    ctx.add_error(error);
                    continue;
                }
                None => continue,
            },
        };
        object.insert(key, value);
    }
    Ok(if object.is_empty() {
        Value::Null
    } else {
        Value::Object(object)
    })
}

/// The fields that are not plain, resolved together. The future is boxed: an object's fields
/// may hold objects of its own type (a ticket's `mergedInto`), whose future would otherwise
/// contain itself.
fn resolve_fields<'f, T>(
    ctx: &'f ContextSelectionSet<'_>,
    root: &'f T,
    fields: Vec<&'f Positioned<Field>>,
) -> BoxFuture<'f, Vec<ServerResult<Option<Value>>>>
where
    T: ContainerType + Sync,
{
    Box::pin(join_all(fields.into_iter().map(|field| async move {
        let ctx_field = ctx.with_field(field);
        root.resolve_field(&ctx_field).await
    })))
}

/// Splits `ctx`'s selection; `None` when it needs async-graphql's general resolution.
fn plan<'a, T>(
    ctx: &ContextSelectionSet<'a>,
    root: &T,
    plain: &impl Fn(&str) -> Option<Value>,
) -> Option<Plan<'a>>
where
    T: ContainerType,
{
    let items = &ctx.item.node.items;
    let mut answers: Vec<(Name, Answer)> = Vec::with_capacity(items.len());
    let mut to_resolve = Vec::new();
    for selection in items {
        let Selection::Field(field) = &selection.node else {
            return None;
        };
        if !field.node.directives.is_empty() {
            return None;
        }
        let key = &field.node.response_key().node;
        if answers.iter().any(|(seen, _)| seen == key) {
            return None;
        }
        let name = field.node.name.node.as_str();
        let ready = if name == "__typename" {
            Some(Value::String(root.introspection_type_name().into_owned()))
        } else if field.node.arguments.is_empty() && field.node.selection_set.node.items.is_empty()
        {
            plain(name)
        } else {
            None
        };
        let answer = ready.map_or_else(
            || {
                to_resolve.push(field);
                Answer::Resolved
            },
            Answer::Ready,
        );
        answers.push((key.clone(), answer));
    }
    Some(Plan {
        answers,
        to_resolve,
    })
}
