-- The spread curve of the widest story: outlets carrying it against hours since the origin. Its
-- pickups of every run date (each date holds its own, ranks continuing; docs/incremental.md).
WITH latest AS (SELECT max(run_date) AS d FROM stories),
widest AS (
  SELECT story_id FROM stories WHERE run_date = (SELECT d FROM latest)
  ORDER BY n_outlets DESC, n_articles DESC, story_id LIMIT 1)
SELECT pickup_rank, outlet, published_at,
       round(lag_from_origin_s / 3600.0, 2) AS hours_since_origin, cumulative_outlets
FROM story_spread
WHERE story_id = (SELECT story_id FROM widest)
ORDER BY pickup_rank;
