"""The built pages the browser tests visit (the offline plugin makes URLs flat)."""
PAGES = ["index.html", "before.html", "during.html", "recovery.html", "faq.html", "about.html"]
ALL_PAGES = PAGES + ["print_page.html"]
