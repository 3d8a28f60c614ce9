-- Stories across scheduled runs: each story's newest row (stories counts are cumulative, and a story
-- keeps its id across dates; docs/incremental.md), the widest first, with the dates it spans.
SELECT story_id, title, origin_outlet, first_run_date, run_date AS last_run_date,
       n_articles, n_outlets, round(spread_s / 3600.0, 1) AS spread_hours
FROM stories
QUALIFY row_number() OVER (PARTITION BY story_id ORDER BY run_date DESC) = 1
ORDER BY n_outlets DESC, n_articles DESC, story_id
LIMIT 20;
