using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Serverless.Analyzers.Diagnostics;
using Serverless.Analyzers.Tests.Infrastructure;

namespace Serverless.Analyzers.Tests;

/// <summary>
/// Keeps the descriptors, AnalyzerReleases.*.md, docs/rules/SLSnnnn.md and the index docs/rules/README.md in step:
/// every descriptor has a page, a release entry and an index row that agree with it; every help link points to its
/// page; no page, entry or row exists without a descriptor; every rule is reported by some analyzer.
/// </summary>
public partial class RuleDocumentationTests
{
    private const string HelpBase = "https://github.com/serverless-analyzers/serverless-analyzers/blob/main/docs/rules/";

    public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToList();

    public static TheoryData<string> RuleIds => new(Descriptors.Select(d => d.Id));

    [Fact]
    public void IdsAreUniqueAndMatchRuleIdentifiers()
    {
        var ids = Descriptors.Select(d => d.Id).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        var constants = typeof(RuleIdentifiers).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!).OrderBy(x => x, StringComparer.Ordinal).ToList();
        Assert.Equal(constants, ids);
        Assert.All(ids, id => Assert.Matches("^SLS[1-9][0-9]{3}$", id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void DescriptorHasHelpPageWithExamplesAndConfiguration(string id)
    {
        var descriptor = Descriptors.Single(d => d.Id == id);
        Assert.Equal(HelpBase + id + ".md", descriptor.HelpLinkUri);

        var page = Path.Combine(RepositoryPaths.RulesDocs, id + ".md");
        Assert.True(File.Exists(page), "missing " + page);
        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id + ": " + descriptor.Title + "\n", text.ReplaceLineEndings("\n"));
        Assert.Contains("| Severity | " + descriptor.DefaultSeverity + " |", text);
        Assert.Contains("| Category | `" + descriptor.Category + "` |", text);
        Assert.Contains("## Wrong", text);
        Assert.Contains("## Right", text);
        Assert.True(CodeBlock().Matches(text).Count >= 2, id + ".md needs a wrong and a right code block");
        Assert.Contains("dotnet_diagnostic." + id + ".severity = none", text);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void DescriptorHasReleaseEntry(string id)
    {
        var descriptor = Descriptors.Single(d => d.Id == id);
        var entries = ReleaseEntries().Where(e => e.Id == id).ToList();
        var entry = Assert.Single(entries);
        Assert.Equal(descriptor.Category, entry.Category);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), entry.Severity);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void DescriptorHasIndexRow(string id)
    {
        var descriptor = Descriptors.Single(d => d.Id == id);
        var row = Assert.Single(IndexRows(), r => r.Id == id);
        Assert.Equal(id + ".md", row.Link);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row.Severity);
        Assert.Equal(descriptor.Title.ToString(), row.Title);
    }

    [Fact]
    public void NothingDocumentedWithoutADescriptor()
    {
        var ids = Descriptors.Select(d => d.Id).ToHashSet();
        var pages = Directory.GetFiles(RepositoryPaths.RulesDocs, "SLS*.md").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.All(pages, p => Assert.Contains(p!, ids));
        Assert.All(ReleaseEntries(), e => Assert.Contains(e.Id, ids));
        Assert.All(IndexRows(), r => Assert.Contains(r.Id, ids));
        Assert.Equal(IndexRows().Select(r => r.Id).OrderBy(x => x, StringComparer.Ordinal), IndexRows().Select(r => r.Id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void EveryRuleIsReportedByAnAnalyzer(string id)
    {
        var analyzers = typeof(DiagnosticDescriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToList();
        Assert.Contains(analyzers, a => a.SupportedDiagnostics.Any(d => d.Id == id));
        Assert.All(analyzers, a => Assert.Contains(a.SupportedDiagnostics, d => d.Id == RuleIdentifiers.InternalError));
    }

    private static IEnumerable<(string Id, string Category, string Severity)> ReleaseEntries()
    {
        foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            foreach (var line in File.ReadLines(Path.Combine(RepositoryPaths.Analyzers, file)))
            {
                var cells = line.Split('|').Select(c => c.Trim()).ToArray();
                if (cells.Length >= 3 && cells[0].StartsWith("SLS", StringComparison.Ordinal))
                {
                    yield return (cells[0], cells[1], cells[2]);
                }
            }
        }
    }

    private static List<(string Id, string Link, string Severity, string Title)> IndexRows() =>
        File.ReadLines(Path.Combine(RepositoryPaths.RulesDocs, "README.md"))
            .Select(l => IndexRow().Match(l))
            .Where(m => m.Success)
            .Select(m => (m.Groups["id"].Value, m.Groups["link"].Value, m.Groups["severity"].Value, m.Groups["title"].Value.Trim()))
            .ToList();

    [GeneratedRegex(@"^\| \[(?<id>SLS\d{4})\]\((?<link>[^)]+)\) \| (?<severity>\w+) \| (?<title>.+) \|$")]
    private static partial Regex IndexRow();

    [GeneratedRegex("```[a-z]*\\n[\\s\\S]*?\\n```")]
    private static partial Regex CodeBlock();
}
