// The scenarios run-e2e.js runs after its own, in this order, in the same workbench and workspace. Each is
// { name, needsAzure?, run(page, { root, workspace, azure }) } and throws when what it checks is not there;
// it drives the workbench with ../workbench.js.
module.exports = [
    require('./shippedRuntime'),
    require('./missingJava'),
    require('./extensionPage'),
    require('./dynamicConfigurations'),
    require('./codeLensDebug'),
    require('./typoQuickFix'),
    require('./ranksTimeline'),
    require('./evaluateOnAllRanks'),
    require('./metricsChart'),
    require('./pipelineGraph'),
    require('./walkthrough'),
];
