"""The built pages the browser tests visit (the offline plugin makes URLs flat).

English at the site's root, the Spanish edition in es/ with the same file names."""

PAGES = ["index.html", "before.html", "during.html", "recovery.html", "faq.html", "about.html"]
PAGES_ES = [f"es/{name}" for name in PAGES]
ALL_PAGES = PAGES + ["print_page.html"] + PAGES_ES + ["es/print_page.html"]
