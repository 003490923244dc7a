"""Render: the plans as Markdown pages and Graphviz diagrams (no MkDocs here).

Read in this order:
- escape.py     the one escaping helper per output language (Markdown, HTML, DOT, YAML);
- md.py         Markdown building blocks on top of it (tables, links, headings);
- words.py      the site's English words for the plan's values, number formats;
- figures.py    revenue trend and concentration;
- context.py    what every page builder gets, and where pages and diagrams live;
- maps.py       the decision-maker map (DOT);  matrix.py  the team matrix (DOT);
- graphviz.py   DOT to SVG: one `dot` per diagram, two at a time, cached by content hash;
- account.py (+ account_deals.py, account_people.py, history.py), portfolio.py, people.py: the pages;
- health.py     findings of the policy checks, as the pages show them.

generator/site.py puts them together; generator/plugin.py hands the result to MkDocs.
"""
