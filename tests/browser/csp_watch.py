"""Watch a page under its real Content-Security-Policy, and drive it without eval.

Playwright's wait_for_function compiles its predicate with eval inside the page,
which the policy forbids; these helpers poll with page.evaluate (sent over the
DevTools protocol, which no page policy governs) and act through locators.
"""

from __future__ import annotations

import time

# Every violation the page's document sees, from its first script on.
WATCH = """
window.__cspViolations = []
document.addEventListener('securitypolicyviolation', event => window.__cspViolations.push(
  `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} in ${event.sourceFile}:${event.lineNumber}`
  + (event.sample ? ` (${event.sample})` : '')), true)
"""
CONSOLE_CSP_WORDS = ("Content Security Policy", "Content-Security-Policy")


def csp_context(browser, **options):
    """A context that keeps every page's policy (the test browser skips it by default)."""
    context = browser.new_context(bypass_csp=False, **options)
    context.add_init_script(WATCH)
    return context


class ViolationLog:
    """What the page reported (securitypolicyviolation) and what Chromium logged: about the
    policy, and any other warning or error."""

    def __init__(self, page):
        self.console: list[str] = []
        # Every warning and error too: a header the browser cannot parse shows only there.
        page.on(
            "console",
            lambda message: (
                (message.type in ("warning", "error") or any(word in message.text for word in CONSOLE_CSP_WORDS))
                and self.console.append(f"console {message.type}: {message.text}")
            ),
        )
        self.events: list[str] = []

    def collect(self, page) -> None:
        """Keep this document's events before the page navigates away."""
        self.events += page.evaluate("window.__cspViolations || []")

    @property
    def all(self) -> list[str]:
        return self.events + self.console


def poll(page, expression: str, what: str, timeout: float = 15):
    deadline = time.monotonic() + timeout
    while True:
        value = page.evaluate(expression)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        page.wait_for_timeout(50)


def search_results(page, query: str) -> list[str]:
    """Type a query into Material's search and return the result links, once some show."""
    page.keyboard.press("s")
    page.locator(".md-search__input").focus()
    page.keyboard.type(query)  # Material answers key presses, not a filled-in value
    return poll(
        page,
        "[...document.querySelectorAll('.md-search-result__item a')].map(a => a.href)",
        f"search results for {query!r}",
    )


def toggle_palette(page) -> tuple[str, str]:
    """Press the palette toggle; the scheme before and after."""
    before = page.evaluate("document.body.dataset.mdColorScheme")
    page.locator("form[data-guide-palette] label:visible").click()
    after = poll(
        page,
        f"document.body.dataset.mdColorScheme !== '{before}' && document.body.dataset.mdColorScheme",
        "the palette to change",
    )
    return before, after
