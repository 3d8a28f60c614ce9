-- The stories with the widest spread this week: first published in the 7 days up to the newest
-- publication time in the run (so the query also works on a back-filled run date).
WITH s AS (SELECT * FROM stories WHERE run_date = (SELECT max(run_date) FROM stories)),
week AS (SELECT max(first_published_at) - INTERVAL 7 DAY AS since FROM s)
SELECT story_id, title, origin_outlet, wire_credit, n_outlets, n_articles,
       first_published_at, round(spread_s / 3600.0, 1) AS spread_hours
FROM s
WHERE first_published_at >= (SELECT since FROM week)
ORDER BY n_outlets DESC, n_articles DESC, story_id
LIMIT 20;
