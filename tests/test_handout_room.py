"""Room on paper for a clinic that fills everything in: every instruction set to a plausible value
(24 hours, a clear-liquids rule, a time counted back from arrival), and a 60-word section on the
Before and the Recovery pages, in both languages. The handouts stay within their budget."""

from __future__ import annotations

from pypdf import PdfReader

from guidekit.handout_budget import HANDOUT_PAGES
from helpers import EDITIONS, copy_project, full_build, pdf_path, replace_once

SECTIONS = {
    "before.md": (
        "## Where do you park?\n\n"
        "Park in the garage on Example Road. It is free for you and your driver. Take the lift to the second "
        "floor. Walk to the front desk of Building B. If you use a wheelchair or a walker, tell the person at "
        "the desk. They can bring a wheelchair to your car. Call us if you get lost. We will help you find the way.\n"
    ),
    "es/before.md": (
        "## ¿Dónde se estaciona?\n\n"
        "Estaciónese en el garaje de Example Road. Es gratis para usted y para quien le lleve. Suba en el "
        "elevador al piso 2. Camine a la recepción del edificio B. Si usa silla de ruedas o andadera, "
        "dígalo en la recepción. Le pueden llevar una silla de ruedas a su carro. Llámenos si se pierde. Le "
        "ayudamos a llegar.\n"
    ),
    "recovery.md": (
        "## Who answers the phone at night?\n\n"
        "At night and on weekends, a nurse answers our after-hours line. Tell the nurse your name, the day of "
        "your procedure, and what you feel. Have this page and your list of medicines near you. The nurse can "
        "tell you what to do next. For the signs in the red box, do not call us first. Call 911 right away.\n"
    ),
    "es/recovery.md": (
        "## ¿Quién contesta el teléfono de noche?\n\n"
        "De noche y los fines de semana, una enfermera contesta nuestra línea. Dígale su nombre, el día de su "
        "procedimiento y lo que siente. Tenga a mano esta hoja y su lista de medicinas. La enfermera le dirá qué "
        "hacer. Por las señales del recuadro rojo, no nos llame primero. Llame al 911 de inmediato.\n"
    ),
}
# Changes to the example clinic's file (a clinic's file INHERITs mkdocs.yml only: it is copied).
FILLED = {
    '      stop_eating: "00:00"': '      stop_eating: "8 hours before arrival"',
    '      stop_drinking: "05:00"': '      stop_drinking: "2 hours before arrival"',
    "    sections: clinics/example/sections": "    sections: clinics/full/sections",
}


def test_a_clinic_that_fills_everything_in_still_fits(tmp_path):
    project = copy_project(tmp_path / "project")
    for name, text in SECTIONS.items():
        assert 55 <= len(text.split()) <= 75, (name, len(text.split()))
        path = project / "clinics" / "full" / "sections" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    config = (project / "mkdocs.example-clinic.yml").read_text(encoding="utf-8")
    assert "driving: 24 hours" in config and "clear_liquids:" in config
    for old, new in FILLED.items():
        config = replace_once(config, old, new)
    (project / "mkdocs.full.yml").write_text(config, encoding="utf-8")
    site = tmp_path / "site"
    result = full_build(project, site, "mkdocs.full.yml")
    assert result.returncode == 0, result.stderr[-3000:]
    for lang, edition in EDITIONS.items():
        for name, phase in edition.handouts.items():
            pages = len(PdfReader(str(pdf_path(site, lang, name))).pages)
            assert pages <= HANDOUT_PAGES[phase], (lang, name, pages)
        recovery = next(name for name, phase in edition.handouts.items() if phase == "recovery")
        text = " ".join(page.extract_text() for page in PdfReader(str(pdf_path(site, lang, recovery))).pages)
        assert ("after-hours line" if lang == "en" else "nuestra línea") in " ".join(text.split())
