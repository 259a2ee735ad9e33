DELETE FROM auth_sessions WHERE id IN (SELECT session_id FROM api_tokens);
DROP TABLE api_tokens;
