// Copies Vazirmatn (OFL, the npm package `vazirmatn`) into public/fonts/, which Vite copies into the build: the UI
// draws Persian with its variable Arabic-script cut (style.css), and the backend embeds the static TTFs in the PDF
// case report (on its classpath as static/fonts/), so Persian looks the same on every machine, whatever its fonts.
import { copyFileSync, mkdirSync } from "node:fs";

const from = "node_modules/vazirmatn";
const files = {
  "Vazirmatn-Regular.ttf": "fonts/ttf/Vazirmatn-Regular.ttf",
  "Vazirmatn-Bold.ttf": "fonts/ttf/Vazirmatn-Bold.ttf",
  "Vazirmatn-NL-variable.ttf": "misc/Non-Latin/fonts/variable/Vazirmatn-NL[wght].ttf",
  "Vazirmatn-OFL.txt": "OFL.txt",
};
mkdirSync("public/fonts", { recursive: true });
for (const [name, source] of Object.entries(files)) copyFileSync(`${from}/${source}`, `public/fonts/${name}`);
