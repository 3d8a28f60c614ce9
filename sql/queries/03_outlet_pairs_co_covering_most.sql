-- Which outlet pairs carry the most stories in common, and who usually publishes first?
SELECT outlet_a, outlet_b, shared_stories,
       round(jaccard, 3) AS jaccard,
       CASE WHEN a_first > b_first THEN outlet_a WHEN b_first > a_first THEN outlet_b ELSE 'tie' END AS usually_first,
       a_first, b_first,
       round(median_lag_s / 3600.0, 2) AS median_lag_hours_b_after_a
FROM outlet_overlap
WHERE run_date = (SELECT max(run_date) FROM outlet_overlap)
ORDER BY shared_stories DESC, outlet_a, outlet_b
LIMIT 20;
