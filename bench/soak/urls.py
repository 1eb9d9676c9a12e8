"""Writes the soak's URL list from an imported archive: posts (the most requested, big threads
included), list pages, label and date archives, feeds and static files, weighted by repetition.
Usage: python3 bench/soak/urls.py <archive.db> <urls.txt>"""
import random
import sqlite3
import sys
import urllib.parse

database, output = sys.argv[1], sys.argv[2]
db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
rng = random.Random(6)

posts = [row[0] for row in db.execute("SELECT Permalink FROM Posts ORDER BY Id")]
by_comments = [row[0] for row in db.execute(
    "SELECT p.Permalink FROM Posts p JOIN Comments c ON c.PostId = p.Id GROUP BY p.Id ORDER BY count(*) DESC LIMIT 5")]
labels = [row[0] for row in db.execute("SELECT Name FROM Labels ORDER BY Name")]
long_labels = [row[0] for row in db.execute(
    "SELECT l.Name FROM Labels l JOIN PostLabels pl ON pl.LabelId = l.Id GROUP BY l.Id HAVING count(*) > 10 ORDER BY l.Name")]
months = [row[0] for row in db.execute(
    "SELECT DISTINCT strftime('%Y/%m', PublishedOn) FROM Posts WHERE PublishedOn IS NOT NULL ORDER BY 1")]
years = sorted({m[:4] for m in months})
list_pages = max(1, len(posts) // 10)

def label_url(name):
    return "/label/" + urllib.parse.quote(name, safe="")

urls = []
urls += ["/" + p for p in rng.sample(posts, min(1000, len(posts)))] * 3
urls += ["/" + p for p in by_comments] * 10
urls += ["/"] * 30 + [f"/?page={n}" for n in rng.sample(range(2, list_pages + 1), min(40, list_pages - 1))] * 2
urls += ["/labels", "/labels?sort=count", "/archive", "/undated"] * 5
urls += [label_url(name) for name in labels] * 2
urls += [label_url(name) + "?page=2" for name in rng.sample(long_labels, min(20, len(long_labels)))]
urls += ["/" + y for y in years] * 2 + ["/" + m for m in months]
urls += ["/feeds/posts.atom", "/sitemap.xml", "/robots.txt"] * 3
urls += ["/feeds/label/" + urllib.parse.quote(name, safe="") + ".atom" for name in rng.sample(labels, min(10, len(labels)))]
urls += ["/feeds/comments/" + p + ".atom" for p in rng.sample(posts, min(20, len(posts)))]
urls += ["/css/site.css", "/favicon.svg"] * 20
rng.shuffle(urls)

with open(output, "w") as f:
    f.write("\n".join(urls) + "\n")
print(f"{len(urls)} URLs ({len(set(urls))} distinct): {len(posts)} posts, {len(labels)} labels, {len(months)} months")
