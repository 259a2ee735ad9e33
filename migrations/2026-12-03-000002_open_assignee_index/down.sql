DROP INDEX tickets_open_assignee_idx;
