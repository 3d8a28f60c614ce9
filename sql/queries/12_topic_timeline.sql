-- Topic sizes over time: articles per topic per publication day (latest run date).
SELECT t.topic_id, t.label, date_trunc('day', a.published_at) AS day, count(*) AS articles
FROM articles a
JOIN topics t ON t.topic_id = a.topic_id AND t.run_date = a.run_date
WHERE a.run_date = (SELECT max(run_date) FROM articles) AND a.published_at IS NOT NULL
GROUP BY t.topic_id, t.label, day
ORDER BY day, t.topic_id;
