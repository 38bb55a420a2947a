"""The pages of veil explain in a real browser (headless Chromium), as an official would
see them on a desktop (1280 px) and a phone (390 px): nothing wider than the screen and
no box that scrolls sideways (the technical details' tables may, once opened), every
status in words, and text contrast of at least 4.5:1 (WCAG AA) against the background it
is drawn on; on the page of a message, the summary sentences on the first screen at
1280 px. The matrix page (--matrix, here comparing two presets) is held to the same.

usage: explain_page.py VEIL SOURCE_DIR WORK_DIR [--screenshots DIR]
Writes the pages into WORK_DIR with VEIL, and a screenshot of each page at each width
there too; with --screenshots, those of the pages docs/policy.md shows go into DIR
(docs/images: explain-1280.png, explain-390.png, matrix-1280.png, matrix-390.png).
"""

import pathlib
import subprocess
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

WIDTHS = ((1280, 800), (390, 844))
PAGES = {
    # name: (policy, recipients); between them every status the page has
    "explain": ("preset:immigration-withhold", ("VTICE0900", "ORTEST001")),  # the one docs/policy.md shows
    "explain-minimize": ("preset:immigration-minimize", ("VTICE0900", "ORTEST001", "NY")),
}
# name: the policies compared in a matrix page
MATRIX_PAGES = {
    "matrix": ("preset:immigration-minimize", "preset:immigration-withhold"),
}
MINIMUM_CONTRAST = 4.5

# For every element that holds text of its own, the contrast of its colour against the
# nearest opaque background behind it (a translucent one is laid over what is below), its
# colour faded by the opacity of it and its ancestors.
CONTRAST_SCRIPT = """
function rgba(text) {
  const v = text.match(/[\\d.]+/g).map(Number);
  return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1];
}
function over(top, below) {
  const a = top[3];
  return [0, 1, 2].map(i => top[i] * a + below[i] * (1 - a)).concat([1]);
}
function luminance(c) {
  const l = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}
function background(el) {
  const layers = [];
  for (let e = el; e; e = e.parentElement) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c[3] > 0) layers.push(c);
    if (c[3] >= 1) break;
  }
  let result = [255, 255, 255, 1];
  for (let i = layers.length - 1; i >= 0; --i) result = over(layers[i], result);
  return result;
}
const failures = [];
for (const el of document.querySelectorAll('body *')) {
  const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim() !== '');
  if (!own || el.getClientRects().length === 0) continue;
  const bg = background(el);
  const colour = rgba(getComputedStyle(el).color);
  for (let e = el; e; e = e.parentElement) colour[3] *= Number(getComputedStyle(e).opacity);
  const fg = over(colour, bg);
  const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
  const ratio = (hi + 0.05) / (lo + 0.05);
  if (ratio < arguments[0]) failures.push(el.className + ' "' + el.textContent.trim().slice(0, 40) + '": ' + ratio.toFixed(2));
}
return failures;
"""


def write_page(veil, source, work, name, policy, recipients):
    page = work / (name + ".html")
    command = [veil, "explain", "--policy", policy, "--agencies", str(source / "examples/agency-directory.csv"),
               "--html", str(page)]
    for ori in recipients:
        command += ["--recipient", ori]
    command.append(str(source / "examples/messages/nlets-text/dr.txt"))
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return page


def write_matrix_page(veil, work, name, policy, other):
    page = work / (name + ".html")
    subprocess.run([veil, "explain", "--policy", policy, "--compare", other, "--html", str(page)], check=True,
                   stdout=subprocess.DEVNULL)
    return page


def browser():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def check(driver, page, width, height, shots, name, has_summary=True):
    failures = []
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.get(page.as_uri())
    where = f"{page.name} at {width} px: "
    scroll_width = driver.execute_script("return document.documentElement.scrollWidth")
    inner_width = driver.execute_script("return window.innerWidth")
    if scroll_width > inner_width:
        failures.append(where + f"the page is {scroll_width} px wide, wider than the {inner_width} px screen")
    if has_summary and width >= 1280:
        bottom = driver.execute_script(
            "const s = document.getElementById('summary'); return s ? s.getBoundingClientRect().bottom : null")
        if bottom is None:
            failures.append(where + "no summary")
        elif bottom > height:
            failures.append(where + f"the summary ends at {bottom:.0f} px, below the first screen ({height} px)")
    scrolling = driver.execute_script(
        "return Array.from(document.querySelectorAll('body *')).filter(e => !e.closest('details') &&"
        " e.scrollWidth > e.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(e).overflowX))"
        ".map(e => e.className)")
    failures += [where + f"a box scrolls sideways: {c}" for c in scrolling]
    sentences = driver.execute_script("return document.querySelectorAll('#summary li').length")
    if has_summary and sentences == 0:
        failures.append(where + "the summary has no sentence")
    wordless = driver.execute_script(
        "return Array.from(document.querySelectorAll('.status, .f .l, .banner'))"
        ".filter(e => e.textContent.trim() === '').map(e => e.className)")
    failures += [where + f"a status without words: {c}" for c in wordless]
    failures += [where + "contrast below 4.5:1: " + f for f in
                 driver.execute_script(CONTRAST_SCRIPT, MINIMUM_CONTRAST)]
    driver.save_screenshot(str(shots / f"{name}-{width}.png"))
    # The technical details, opened, are held to the same: their tables scroll in a box.
    driver.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
    if driver.execute_script("return document.documentElement.scrollWidth") > inner_width:
        failures.append(where + "with the technical details open, the page is wider than the screen")
    failures += [where + "details open, contrast below 4.5:1: " + f for f in
                 driver.execute_script(CONTRAST_SCRIPT, MINIMUM_CONTRAST)]
    return failures


def main():
    arguments = sys.argv[1:]
    shots = None
    if "--screenshots" in arguments:
        at = arguments.index("--screenshots")
        shots = pathlib.Path(arguments[at + 1])
        del arguments[at:at + 2]
    veil, source, work = arguments[0], pathlib.Path(arguments[1]), pathlib.Path(arguments[2])
    work.mkdir(parents=True, exist_ok=True)
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
    failures = []
    driver = browser()
    try:
        for name, (policy, recipients) in PAGES.items():
            page = write_page(veil, source, work, name, policy, recipients)
            for width, height in WIDTHS:
                failures += check(driver, page, width, height, shots if shots and name == "explain" else work, name)
        for name, (policy, other) in MATRIX_PAGES.items():
            page = write_matrix_page(veil, work, name, policy, other)
            for width, height in WIDTHS:
                failures += check(driver, page, width, height, shots or work, name, has_summary=False)
    finally:
        driver.quit()
    for failure in failures:
        print("FAIL: " + failure)
    print(f"{(len(PAGES) + len(MATRIX_PAGES)) * len(WIDTHS)} page views checked, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
