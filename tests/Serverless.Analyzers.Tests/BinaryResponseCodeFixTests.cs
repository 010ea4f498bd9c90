using Serverless.Analyzers.Tests.Infrastructure;
using Serverless.CodeFixes;

namespace Serverless.Analyzers.Tests;

using FixTest = ServerlessCodeFixTest<ApiAuthAnalyzer, AddBinaryMediaTypeCodeFixProvider>;

/// <summary>SLS3024's fix: the media type goes into RestApiOptions.BinaryMediaTypes, wherever the attribute is.</summary>
public class BinaryResponseCodeFixTests
{
    private const string Images = """
        public static class Images
        {
            [LambdaFunction]
            [RestApi(HttpVerb.Get, "/png")]
            [{|SLS3024:HttpResponse(200, ContentType = "image/png")|}]
            public static byte[] Png() => new byte[0];

            [LambdaFunction]
            [RestApi(HttpVerb.Get, "/gif")]
            [{|SLS3024:HttpResponse(200, ContentType = "image/gif; charset=binary")|}]
            [{|SLS3024:HttpResponse(201, ContentType = "image/png")|}]
            public static byte[] Gif() => new byte[0];
        }
        """;

    private static string Fixed(string source) => source.Replace("{|SLS3024:", "").Replace("|}]", "]");

    [Fact]
    public async Task SLS3024_AddsTheAttributeWhenTheAppHasNone()
    {
        var before = "using Serverless;\n\n" + Images;
        var after = "using Serverless;\n\n[assembly: RestApiOptions(BinaryMediaTypes = new[] { \"image/png\", \"image/gif\" })]\n\n" + Fixed(Images);
        await new FixTest().WithSources(before, after)
            .WithCodeAction("SLS3024.AddBinaryMediaType")
            .WithIterations(incremental: 2, fixAll: 1, fixAllInDocument: 1, fixAllInProject: 1)
            .RunAsync();
    }

    [Fact]
    public async Task SLS3024_AddsTheNamedArgumentToAnAttributeInAnotherDocument()
    {
        var options = "using Serverless;\n\n[assembly: RestApiOptions(StageName = \"live\")]\n";
        var optionsAfter = "using Serverless;\n\n[assembly: RestApiOptions(StageName = \"live\", BinaryMediaTypes = new[] { \"image/png\", \"image/gif\" })]\n";
        await new FixTest().WithSources(new[] { "using Serverless;\n\n" + Images, options }, new[] { "using Serverless;\n\n" + Fixed(Images), optionsAfter })
            .WithCodeAction("SLS3024.AddBinaryMediaType")
            .WithIterations(incremental: 2, fixAll: 1, fixAllInDocument: 1, fixAllInProject: 1)
            .RunAsync();
    }

    [Fact]
    public async Task SLS3024_AppendsToTheExistingArray()
    {
        var before = "using Serverless;\n\n[assembly: RestApiOptions(BinaryMediaTypes = new[] { \"application/pdf\" })]\n\n" + Images;
        var after = "using Serverless;\n\n[assembly: RestApiOptions(BinaryMediaTypes = new[] { \"application/pdf\", \"image/png\", \"image/gif\" })]\n\n" + Fixed(Images);
        await new FixTest().WithSources(before, after)
            .WithCodeAction("SLS3024.AddBinaryMediaType")
            .WithIterations(incremental: 2, fixAll: 1, fixAllInDocument: 1, fixAllInProject: 1)
            .RunAsync();
    }

    [Fact]
    public async Task SLS3024_AppendsToACollectionExpressionAndQualifiesTheNewAttributeWithoutTheUsing()
    {
        var source = """
            public static class Files
            {
                [Serverless.LambdaFunction]
                [Serverless.RestApi(Serverless.HttpVerb.Get, "/zip")]
                [{|SLS3024:Serverless.HttpResponse(200, ContentType = "application/zip")|}]
                public static byte[] Zip() => new byte[0];
            }
            """;
        await new FixTest().WithSources(source, "[assembly: Serverless.RestApiOptions(BinaryMediaTypes = new[] { \"application/zip\" })]\n\n" + Fixed(source))
            .WithCodeAction("SLS3024.AddBinaryMediaType")
            .RunAsync();

        var before = "using Serverless;\n\n[assembly: RestApiOptions(BinaryMediaTypes = [\"image/jpeg\"])]\n\n" + source;
        var after = "using Serverless;\n\n[assembly: RestApiOptions(BinaryMediaTypes = [\"image/jpeg\", \"application/zip\"])]\n\n" + Fixed(source);
        await new FixTest().WithSources(before, after)
            .WithCodeAction("SLS3024.AddBinaryMediaType")
            .RunAsync();
    }

    [Fact]
    public async Task SLS3024_ANullListBecomesTheArray()
    {
        var before = "using Serverless;\n\n[assembly: RestApiOptions(BinaryMediaTypes = null)]\n\n" + Images;
        var after = "using Serverless;\n\n[assembly: RestApiOptions(BinaryMediaTypes = new[] { \"image/png\", \"image/gif\" })]\n\n" + Fixed(Images);
        await new FixTest().WithSources(before, after)
            .WithCodeAction("SLS3024.AddBinaryMediaType")
            .WithIterations(incremental: 2, fixAll: 1, fixAllInDocument: 1, fixAllInProject: 1)
            .RunAsync();
    }

    [Fact]
    public async Task SLS3024_AListThatDoesNotCompileOffersNoFix()
    {
        var source = "using Serverless;\n\n[assembly: RestApiOptions(BinaryMediaTypes = {|CS0103:Types|})]\n\n" + Images;
        await new FixTest().WithSources(source, source).RunAsync();
    }
}
