// The CommonJS entry, for configs that `require()` the engine (as x-govuk sites do):
// `const govukEleventyPlugin = require("@ministryofjustice/docs-eleventy-plugin")` gives the
// x-govuk-compatible plugin, with every named export on it. Node 20.19+ loads the ES module.
const engine = require("./dist/index.js");

module.exports = Object.assign(
  (config, options) => engine.govukEleventyPlugin(config, options),
  engine,
);
