-- How long does a story take to reach 5 outlets? Median and 90th percentile, over the stories that
-- got there, with the share of multi-outlet stories that never did.
WITH latest AS (SELECT max(run_date) AS d FROM story_spread),
reached AS (
  SELECT story_id, min(lag_from_origin_s) AS seconds_to_5
  FROM story_spread
  WHERE run_date = (SELECT d FROM latest) AND cumulative_outlets >= 5 AND lag_from_origin_s IS NOT NULL
  GROUP BY story_id),
multi AS (SELECT count(*) AS n FROM stories WHERE run_date = (SELECT d FROM latest) AND n_outlets >= 2)
SELECT count(*) AS stories_reaching_5_outlets,
       round(median(seconds_to_5) / 3600.0, 2) AS median_hours,
       round(quantile_cont(seconds_to_5, 0.9) / 3600.0, 2) AS p90_hours,
       round(1 - count(*) / (SELECT n FROM multi), 3) AS share_of_multi_outlet_stories_never_reaching_5
FROM reached;
