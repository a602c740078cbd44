// Builds a SurveyJS page that renders the same questionnaire as cloudtriage:
// one page per domain, one radio group per question with the five level
// descriptors plus "not applicable" (where allowed) and "don't know".
// Input: `cloudtriage questionnaire --json` on stdin. Output: bench/out/surveyjs/.
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';

const catalogue = JSON.parse(readFileSync(0, 'utf8'));
const out = 'bench/out/surveyjs';
mkdirSync(out, { recursive: true });

const survey = {
  title: catalogue.title,
  showQuestionNumbers: 'off',
  pages: catalogue.domains.map((domain) => ({
    name: domain.id,
    title: domain.title,
    description: domain.summary,
    elements: domain.questions.map((q) => ({
      type: 'radiogroup',
      name: q.id,
      title: q.prompt,
      description: q.help,
      choices: [
        ...q.levels.map((text, level) => ({ value: level, text: `${level} ${catalogue.level_names[level]}: ${text}` })),
        { value: 'unknown', text: "Don't know" },
        ...(q.not_applicable ? [{ value: 'na', text: 'Not applicable' }] : []),
      ],
    })),
  })),
};

writeFileSync(`${out}/survey.json`, JSON.stringify(survey));
copyFileSync('node_modules/survey-core/survey.core.min.js', `${out}/survey.core.min.js`);
copyFileSync('node_modules/survey-js-ui/survey-js-ui.min.js', `${out}/survey-js-ui.min.js`);
copyFileSync('node_modules/survey-core/survey-core.min.css', `${out}/survey-core.min.css`);
writeFileSync(`${out}/app.js`, `
fetch('survey.json').then((r) => r.json()).then((json) => {
  const model = new Survey.Model(json);
  window.survey = model;
  model.render(document.getElementById('survey'));
});
`);
writeFileSync(`${out}/index.html`, `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SurveyJS: the same questionnaire</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="survey-core.min.css">
<script src="survey.core.min.js"></script>
<script src="survey-js-ui.min.js"></script>
</head>
<body>
<div id="survey"></div>
<script src="app.js"></script>
</body>
</html>
`);
console.log(`SurveyJS page written to ${out}/ (${survey.pages.length} pages, ${survey.pages.reduce((n, p) => n + p.elements.length, 0)} questions)`);
