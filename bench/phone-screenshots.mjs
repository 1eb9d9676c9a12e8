// Takes phone screenshots with the puppeteer-core that Lighthouse installs (bench/lighthouse.sh)
// and Debian's Chromium. Usage: node bench/phone-screenshots.mjs <puppeteer-core folder> <base url> <out folder> name=path...
// A path's fragment scrolls that element to the top of the screen before the picture.
import path from "node:path";
import { pathToFileURL } from "node:url";

const [puppeteerFolder, base, out, ...shots] = process.argv.slice(2);
const { default: puppeteer } = await import(pathToFileURL(path.join(puppeteerFolder, "lib/esm/puppeteer/puppeteer-core.js")).href);
const browser = await puppeteer.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  for (const shot of shots) {
    const [name, rest] = shot.split(/=(.*)/s);
    const [address, selector] = rest.split("|");
    const page = await browser.newPage();
    await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await page.goto(base + address, { waitUntil: "load", timeout: 60000 });
    if (selector) {
      await page.$eval(selector, (element) => element.scrollIntoView());
    }
    const file = path.join(out, `${name}.png`);
    await page.screenshot({ path: file });
    console.log(file);
    await page.close();
  }
} finally {
  await browser.close();
}
