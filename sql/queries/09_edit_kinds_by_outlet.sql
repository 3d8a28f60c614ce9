-- How do outlets change what they copy? Edit kinds of each outlet's copies (not origins).
SELECT outlet, edit_kind, count(*) AS copies,
       round(count(*) / sum(count(*)) OVER (PARTITION BY outlet), 3) AS share_of_outlet_copies
FROM articles
WHERE run_date = (SELECT max(run_date) FROM articles) AND edit_kind IS NOT NULL
GROUP BY outlet, edit_kind
ORDER BY outlet, copies DESC, edit_kind;
