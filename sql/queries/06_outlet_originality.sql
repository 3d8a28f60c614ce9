-- How original is each outlet? Share of its articles that are the first publication of their story,
-- share that credit a wire agency, and how fast its copies follow their origins.
SELECT outlet, n_articles, n_stories,
       round(originals / n_articles, 3) AS original_share,
       round(copies / n_articles, 3) AS copy_share,
       round(wire_share, 3) AS wire_share,
       round(median_pickup_lag_s / 3600.0, 2) AS median_pickup_lag_hours,
       top_sources
FROM outlet_summary
WHERE run_date = (SELECT max(run_date) FROM outlet_summary)
ORDER BY copy_share DESC, outlet;
