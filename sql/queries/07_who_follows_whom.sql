-- Who follows whom: for each outlet, the outlet it most often publishes after on shared stories.
WITH o AS (SELECT * FROM outlet_overlap WHERE run_date = (SELECT max(run_date) FROM outlet_overlap)),
directed AS (
  SELECT outlet_b AS follower, outlet_a AS leader, a_first AS times_behind, shared_stories FROM o
  UNION ALL
  SELECT outlet_a, outlet_b, b_first, shared_stories FROM o),
ranked AS (
  SELECT *, row_number() OVER (PARTITION BY follower ORDER BY times_behind DESC, leader) AS r
  FROM directed WHERE times_behind > 0)
SELECT follower, leader, times_behind, shared_stories,
       round(times_behind / shared_stories, 3) AS share_of_shared_stories_behind
FROM ranked WHERE r = 1
ORDER BY times_behind DESC, follower;
