"""Drive Material's search dialog the way a patient does: press s, type, read the list."""

from __future__ import annotations

from urllib.parse import urlsplit

# Resolves once Material has answered a query (its line above the list says how many pages
# match, or none, not "Initializing" or "Type to start searching") and the list has stopped
# changing for half a second: Material answers every keystroke, so it settles only after the
# last one, and on a busy processor the worker's first answer can take longer than that.
RESULTS_SETTLED = """() => new Promise(resolve => {
  const t = JSON.parse(document.getElementById('__config').textContent).translations
  const answered = text => text === t['search.result.none'] || text === t['search.result.one'] || /^\\d+ /.test(text)
  let last = null, same = 0
  const timer = setInterval(() => {
    const meta = document.querySelector('.md-search-result__meta').textContent.trim()
    const now = document.querySelector('.md-search-result').innerHTML
    if (answered(meta) && now === last) { if (++same >= 5) { clearInterval(timer); resolve(true) } }
    else { last = now; same = 0 }
  }, 100)
})"""


def open_search(page) -> None:
    # Material's bundle hooks up its s, f and / shortcuts as it runs, and it and
    # our search scripts are parser-blocking, so all have run by DOMContentLoaded.
    # goto(wait_until="networkidle") does not wait for that: on a busy CPU the
    # network can go quiet while the page is still parsing, and a key pressed
    # then reaches no handler.
    page.wait_for_load_state("domcontentloaded")
    page.keyboard.press("s")
    page.wait_for_function("document.activeElement && document.activeElement.matches('.md-search__input')")
    # Opened from disk, Material only starts loading the index now.
    page.wait_for_function("!document.querySelector('.md-search-result__meta').textContent.includes('Initializing')")


def search(page, query: str) -> list[str]:
    """The pages in the result list, best first, as file names (index.html, ...)."""
    if not page.evaluate("document.activeElement && document.activeElement.matches('.md-search__input')"):
        open_search(page)
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.type(query)
    page.wait_for_function(RESULTS_SETTLED)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item", "items => items.map(i => i.querySelector('a.md-search-result__link').href)"
    )
    return [urlsplit(href).path.rsplit("/", 1)[-1] or "index.html" for href in hrefs]
