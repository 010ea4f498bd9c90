using System.Text;
using Microsoft.CodeAnalysis;
using Serverless.Analyzers.Tests.Infrastructure;

namespace Serverless.Analyzers.Tests;

/// <summary>
/// The files made from the rule descriptors: the index in docs/rules/README.md, the rule table in README.md, and
/// the ServerlessAnalysisLevel presets the package ships. Each test fails when its file drifts from the
/// descriptors; SERVERLESS_UPDATE_BASELINES=1 rewrites them.
/// </summary>
public sealed class GeneratedRuleFilesTests
{
    private const string Start = "<!-- rules:start (generated from the descriptors by GeneratedRuleFilesTests) -->";
    private const string End = "<!-- rules:end -->";

    [Fact]
    public void RuleIndexIsGeneratedFromTheDescriptors() =>
        AssertRegion(Path.Combine(RepositoryPaths.RulesDocs, "README.md"), RuleTable(linkPrefix: ""));

    [Fact]
    public void ReadmeRuleTableIsGeneratedFromTheDescriptors() =>
        AssertRegion(Path.Combine(RepositoryPaths.Root, "README.md"), RuleTable(linkPrefix: "docs/rules/"));

    [Theory]
    [InlineData("recommended")]
    [InlineData("strict")]
    public void AnalysisLevelPresetIsGeneratedFromTheDescriptors(string level) =>
        AssertFile(Path.Combine(RepositoryPaths.Root, "nuget", "build", $"Serverless.Analyzers.{level}.globalconfig"), Preset(level));

    private static string RuleTable(string linkPrefix)
    {
        var table = new StringBuilder();
        table.Append("| ID | Severity | Title |\n|---|---|---|\n");
        foreach (var descriptor in RuleDocumentationTests.Descriptors)
        {
            table.Append($"| [{descriptor.Id}]({linkPrefix}{descriptor.Id}.md) | {descriptor.DefaultSeverity} | {descriptor.Title} |\n");
        }

        return table.ToString();
    }

    /// <summary>
    /// recommended: every rule at its default severity. strict: warnings become errors, except the tool's own
    /// faults (SLS9nnn), which must never fail a build. global_level -1 lets any config of the user's win.
    /// </summary>
    private static string Preset(string level)
    {
        var text = new StringBuilder();
        text.Append($"# Serverless.Analyzers preset '{level}', selected by <ServerlessAnalysisLevel>{level}</ServerlessAnalysisLevel>.\n");
        text.Append("# Generated from the rule descriptors by GeneratedRuleFilesTests; do not edit. Your .editorconfig overrides it.\n");
        text.Append("is_global = true\nglobal_level = -1\n\n");
        foreach (var descriptor in RuleDocumentationTests.Descriptors)
        {
            var severity = descriptor.DefaultSeverity;
            if (level == "strict" && severity == DiagnosticSeverity.Warning && !descriptor.Id.StartsWith("SLS9", StringComparison.Ordinal))
            {
                severity = DiagnosticSeverity.Error;
            }

            text.Append($"# {descriptor.Title}\ndotnet_diagnostic.{descriptor.Id}.severity = {severity.ToString().ToLowerInvariant()}\n");
        }

        return text.ToString();
    }

    private static void AssertRegion(string path, string expected)
    {
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{path} needs a region between '{Start}' and '{End}'");
        var current = text[(start + Start.Length + 1)..end];
        if (current != expected && ShouldUpdate)
        {
            File.WriteAllText(path, text[..(start + Start.Length + 1)] + expected + text[end..]);
            return;
        }

        Assert.Equal(expected, current);
    }

    private static void AssertFile(string path, string expected)
    {
        var current = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        if (current != expected && ShouldUpdate)
        {
            File.WriteAllText(path, expected);
            return;
        }

        Assert.Equal(expected, current);
    }

    private static bool ShouldUpdate => Environment.GetEnvironmentVariable("SERVERLESS_UPDATE_BASELINES") == "1";
}
