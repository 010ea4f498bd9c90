using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Serverless.Analyzers.Tests.Infrastructure;
using Serverless.CodeFixes.Http;

namespace Serverless.Analyzers.Tests;

using SwapTest = ServerlessCodeFixTest<HttpRouteAnalyzer, SwapRangeBoundsCodeFixProvider>;

/// <summary>The fix of SLS3017 for a [Range] whose minimum is above its maximum: swap them, with Fix All.</summary>
public class SwapRangeBoundsCodeFixTests
{
    private const string Usings = """
        using System;
        using System.ComponentModel.DataAnnotations;
        using Serverless;

        """;

    [Fact]
    public async Task SwapsNumericTypedAndNamedBoundsKeepingNamesAndConstants()
    {
        var before = Usings + """
            public static class Limits { public const int Most = 1; }

            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/items")]
                public static void List(
                    [Range({|#0:10|}, {|#10:Limits.Most|})] int page = 1,
                    [Range(typeof(DateOnly), {|#1:"2024-12-31"|}, {|#11:"2024-01-01"|}, ErrorMessage = "day")] DateOnly day = default,
                    [Range(type: typeof(decimal), maximum: {|#12:"0.01"|}, minimum: {|#2:"0.02"|})] decimal price = 0) { }
            }
            """;
        var after = Usings + """
            public static class Limits { public const int Most = 1; }

            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/items")]
                public static void List(
                    [Range(Limits.Most, 10)] int page = 1,
                    [Range(typeof(DateOnly), "2024-01-01", "2024-12-31", ErrorMessage = "day")] DateOnly day = default,
                    [Range(type: typeof(decimal), maximum: "0.02", minimum: "0.01")] decimal price = 0) { }
            }
            """;
        var test = new SwapTest().WithSources(before, after).WithCodeAction("SLS3017.SwapBounds");
        test.TestState.ExpectedDiagnostics.AddRange(new[]
        {
            Reversed(0, 10, "parameter 'page' of 'Api.List'", "10", "1"),
            Reversed(1, 11, "parameter 'day' of 'Api.List'", "2024-12-31", "2024-01-01"),
            Reversed(2, 12, "parameter 'price' of 'Api.List'", "0.02", "0.01"),
        });
        await test.RunAsync();
    }

    [Fact]
    public async Task FixAllSwapsParametersAndBodyPropertiesAcrossDocumentsButNotBoundsThatDoNotParse()
    {
        var api = Usings + """
            public static class Api
            {
                [LambdaFunction] [HttpApi(HttpVerb.Post, "/orders")] public static void Create(NewOrder order, [Range({|#0:5|}, {|#10:1|})] int copies = 1) { }
                [LambdaFunction] [HttpApi(HttpVerb.Put, "/orders")] public static void Replace(NewOrder order) { }
            }
            """;
        var model = Usings + """
            public sealed record NewOrder([Range(typeof(int), {|#1:"9"|}, {|#11:"1"|})] int Quantity)
            {
                [Range(typeof(TimeSpan), {|#2:"02:00"|}, {|#12:"01:00"|})] public TimeSpan Window { get; init; }
                [Range(typeof(int), {|#3:"many"|}, "1")] public int Unparsed { get; init; }
            }
            """;
        var apiAfter = api.Replace("[Range({|#0:5|}, {|#10:1|})]", "[Range(1, 5)]");
        var modelAfter = Usings + """
            public sealed record NewOrder([Range(typeof(int), "1", "9")] int Quantity)
            {
                [Range(typeof(TimeSpan), "01:00", "02:00")] public TimeSpan Window { get; init; }
                [Range(typeof(int), {|#3:"many"|}, "1")] public int Unparsed { get; init; }
            }
            """;
        var unparsed = new DiagnosticResult("SLS3017", DiagnosticSeverity.Warning).WithLocation(3).WithArguments("property 'NewOrder.Unparsed'",
            "is not checked by the generated wrapper: 'many' is not a valid int in the invariant culture (a whole number from -2147483648 to 2147483647)");
        var test = new SwapTest()
            .WithSources(new[] { api, model }, new[] { apiAfter, modelAfter })
            .WithCodeAction("SLS3017.SwapBounds")
            .WithIterations(incremental: 3, fixAll: 1, fixAllInDocument: 2);
        test.TestState.ExpectedDiagnostics.AddRange(new[]
        {
            Reversed(0, 10, "parameter 'copies' of 'Api.Create'", "5", "1"),
            Reversed(1, 11, "property 'NewOrder.Quantity'", "9", "1"),
            Reversed(2, 12, "property 'NewOrder.Window'", "02:00", "01:00"),
            unparsed,
        });
        test.FixedState.ExpectedDiagnostics.Add(unparsed);
        test.BatchFixedState.Sources.AddRange(test.FixedState.Sources);
        test.BatchFixedState.ExpectedDiagnostics.Add(unparsed);
        await test.RunAsync();
    }

    [Fact]
    public async Task EqualBoundsOneOfWhichIsExclusiveHaveNoFix()
    {
        var source = Usings + """
            public static class Api
            {
                [LambdaFunction]
                [HttpApi(HttpVerb.Get, "/items")]
                public static void List([Range({|#0:5|}, 5, MinimumIsExclusive = true)] int page = 5) { }
            }
            """;
        var test = new SwapTest().WithSources(source, source);
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("SLS3017", DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("parameter 'page' of 'Api.List'", "can never be met: the minimum and the maximum are both '5', and MinimumIsExclusive excludes it"));
        test.FixedState.ExpectedDiagnostics.AddRange(test.TestState.ExpectedDiagnostics);
        await test.RunAsync();
    }

    private static DiagnosticResult Reversed(int minimum, int maximum, string target, string min, string max) =>
        new DiagnosticResult("SLS3017", DiagnosticSeverity.Warning).WithLocation(minimum).WithLocation(maximum)
            .WithArguments(target, "can never be met: the minimum '" + min + "' is above the maximum '" + max + "'");
}
